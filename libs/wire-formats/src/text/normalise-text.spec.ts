import fc from 'fast-check';
import { growthExponent, LINEAR_EXPONENT } from '@copydesk/testing';
import { isBlank, normaliseText } from './normalise-text';

describe('normaliseText', () => {
  it('turns no-break spaces into spaces, collapses runs and trims', () => {
    expect(normaliseText('  GOMA:\u00a0 Rwanda-backed\u00a0\u00a0rebels\t ')).toBe('GOMA: Rwanda-backed rebels');
  });

  it('keeps smart quotes and composes to NFC', () => {
    expect(normaliseText('Japan\u2019s \u201cfine\u201d cafe\u0301')).toBe('Japan\u2019s \u201cfine\u201d caf\u00e9');
  });

  it('drops zero-width spaces and byte-order marks', () => {
    expect(normaliseText('\ufeffWal\u200bikale \u2003 town\r\n')).toBe('Walikale town');
  });

  it('drops NULs, which no database column takes, before composing', () => {
    expect(normaliseText('Storm\u0000 hits\u0000\u0000 coast')).toBe('Storm hits coast');
    expect(normaliseText('cafe\u0000\u0301')).toBe('caf\u00e9');
    expect(normaliseText('\u0000')).toBe('');
  });

  it('gives the same text as the chain of replacements it replaces, for text without NULs, lone surrogates aside', () => {
    const chain = (text: string) =>
      text
        .normalize('NFC')
        .replace(/[\u200b\ufeff]/g, '')
        .replace(/[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim();
    const tricky = fc.constantFrom(
      'a',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r',
      '\u00a0',
      '\u0085',
      '\u200b',
      '\ufeff',
      '\u3000',
      '\u2028',
      '\u2009',
      'e',
      '\u0301',
      '\u180e',
      '\u{1f600}',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: tricky, maxLength: 30 })), (raw) => {
        const text = raw.replaceAll('\u0000', '');
        expect(normaliseText(text)).toBe(chain(text).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
      }),
      { numRuns: 20_000, seed: 13 },
    );
  });

  it('makes a lone surrogate U+FFFD, which PostgreSQL refuses in jsonb, and keeps pairs', () => {
    expect(normaliseText('a\ud800b \udc00 \ud83d\ude00 \ud83d')).toBe('a\ufffdb \ufffd \ud83d\ude00 \ufffd');
    const long = `${'\ud800 word\t\u00a0\ud83d\ude00'.repeat(5_000)}\udc00 end `;
    expect(normaliseText(long)).toBe(
      long
        .replace(/[\t\u00a0]/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim()
        .replace(/\ud800|\udc00/g, '\ufffd'),
    );
  });

  it('costs linear time on megabytes of tabs and no-break spaces', () => {
    const text = (n: number) => '\t \u00a0 '.repeat(n / 4) + 'end';
    expect(growthExponent(text(50_000), text(1_000_000), 20, normaliseText)).toBeLessThan(LINEAR_EXPONENT);
  });

  it('knows blank lines', () => {
    expect(isBlank(' \u00a0\t')).toBe(true);
    expect(isBlank(' x ')).toBe(false);
  });
});
