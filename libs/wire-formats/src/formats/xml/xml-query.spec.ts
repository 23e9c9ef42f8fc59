import fc from 'fast-check';
import { growthExponent, LINEAR_EXPONENT } from '@copydesk/testing';
import { cleanText, datelineText } from './xml-query';
import { normaliseText } from '../../text/normalise-text';

describe('datelineText', () => {
  it('drops the separator after the dateline', () => {
    expect(datelineText('STOCKHOLM, Aug 29 (AFP) -')).toBe('STOCKHOLM, Aug 29 (AFP)');
    expect(datelineText('SEOUL:')).toBe('SEOUL');
    expect(datelineText('BERLIN \u2014 ')).toBe('BERLIN');
    expect(datelineText(' - ')).toBeUndefined();
    expect(datelineText(undefined)).toBeUndefined();
  });

  it('trims as the pattern it replaces did', () => {
    const text = fc.string({ unit: fc.constantFrom(' ', ':', '-', '\u2013', '\u2014', '\t', '\u00a0', 'A', ',', '('), maxLength: 20 });
    fc.assert(
      fc.property(text, (t) => {
        expect(datelineText(t)).toBe(t.replace(/[\s:\u2013\u2014-]+$/, '') || undefined);
      }),
      { numRuns: 5_000, seed: 5 },
    );
  });

  it('costs linear time on a long run of separators with text after it', () => {
    // The pattern took 2 s on a 64,000-character dateline of this shape, 7 s on 128,000.
    const run = (n: number) => `${' -'.repeat(n / 2)}x`;
    expect(growthExponent(run(4_000), run(80_000), 20, datelineText)).toBeLessThan(LINEAR_EXPONENT);
  });
});

describe('cleanText', () => {
  it('keeps plain ASCII as it is and normalises the rest', () => {
    expect(cleanText('urn:newsml:1')).toBe('urn:newsml:1');
    expect(cleanText('two  spaces')).toBe('two spaces');
    expect(cleanText(' lead')).toBe('lead');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\t', '~', '\u00e9', '\u00a0'), maxLength: 12 }), (t) => {
        expect(cleanText(t)).toBe(normaliseText(t));
      }),
      { numRuns: 5_000, seed: 9 },
    );
  });

  it('reads ten megabytes of one word without overflowing the pattern stack', () => {
    const text = `${'a b'.repeat(3_500_000)}\t`;
    expect(cleanText(text)).toHaveLength(text.length - 1);
  });
});
