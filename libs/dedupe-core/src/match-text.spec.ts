import fc from 'fast-check';
import { growthExponent, LINEAR_EXPONENT } from '@copydesk/testing';
import { headlineCore, headlineKey, matchText, stripHeadlineSuffix } from './match-text';

describe('matchText', () => {
  it('unifies quotes, dashes, case and spacing and keeps digits', () => {
    expect(matchText('Trump signs order to ‘eliminate’ US\u00a0Education Department')).toBe("trump signs order to 'eliminate' us education department");
    expect(matchText('Macron — summit on March 27!')).toBe('macron - summit on march 27');
  });

  it('gives the same text as the chain of replacements it replaces, for any text', () => {
    const chain = (text: string) =>
      text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
        .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
        .replace(/[\u2010-\u2015\u2212]/g, '-')
        .replace(/[^\p{L}\p{N}'\s-]+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const tricky = fc.constantFrom(
      'a',
      'Z',
      ' ',
      '\t',
      '\u00a0',
      '\u3000',
      '\ufeff',
      '\u2019',
      '`',
      '\u00b4',
      '"',
      '\u201c',
      '-',
      '\u2014',
      '\u2212',
      '.',
      'É',
      'e\u0301',
      '\ufb01',
      'İ',
      '\u0663',
      '\u00b2',
      '\u216b',
      '\ud835\udc00',
      '\ud800',
      '\udc00',
      '\u{20000}',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: tricky, maxLength: 40 })), (text) => {
        expect(matchText(text)).toBe(chain(text));
      }),
      { numRuns: 20_000, seed: 11 },
    );
    expect(matchText('x'.repeat(40_000) + ' \u2014 Y')).toBe(chain('x'.repeat(40_000) + ' \u2014 Y'));
  });

  it('gives a re-typed headline the same key', () => {
    expect(headlineKey('Japan’s Kishida, South Korea’s Yoon')).toBe(headlineKey("Japan's Kishida,  South Korea's Yoon"));
    expect(headlineKey('Rates rise to 5%')).not.toBe(headlineKey('Rates rise to 6%'));
  });
});

describe('headlineCore', () => {
  it('drops agency markers before and after the headline', () => {
    expect(headlineCore('UPDATE 2-Wildfire forces thousands to flee (CORRECTED)')).toBe('wildfire forces thousands to flee');
    expect(headlineCore('KILLED - Storm hits coast - update')).toBe('storm hits coast');
    expect(headlineCore('Markets updated')).toBe('markets');
    expect(headlineCore('Markets rally')).toBe('markets rally');
  });

  it('strips the suffix exactly as the pattern it replaces', () => {
    const pattern = /\s*[-(]*\s*(?:corrected|updated|update|refile|writethru)\s*\)?$/;
    const text = fc
      .array(fc.constantFrom(' ', '  ', '-', '(', ')', 'update', 'updated', 'd', 'corrected', 'refile', 'writethru', 'x', '\t'), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(stripHeadlineSuffix(t)).toBe(t.replace(pattern, ''));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it('costs linear time on a long run of dashes', () => {
    // The pattern it replaced ran through the whole run from every position: 40 K dashes took seconds.
    const dashes = (n: number) => `storm ${'-'.repeat(n)} x`;
    expect(growthExponent(dashes(4_000), dashes(80_000), 20, headlineCore)).toBeLessThan(LINEAR_EXPONENT);
  });
});
