import fc from 'fast-check';
import { timeGrowth } from '../testing/time-growth';
import { headlineCore, headlineKey, matchText, stripHeadlineSuffix } from './match-text';

describe('matchText', () => {
  it('unifies quotes, dashes, case and spacing and keeps digits', () => {
    expect(matchText('Trump signs order to ‘eliminate’ US\u00a0Education Department')).toBe("trump signs order to 'eliminate' us education department");
    expect(matchText('Macron — summit on March 27!')).toBe('macron - summit on march 27');
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
    const text = fc.array(fc.constantFrom(' ', '  ', '-', '(', ')', 'update', 'updated', 'd', 'corrected', 'refile', 'writethru', 'x', '\t'), { maxLength: 12 }).map((parts) => parts.join(''));
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
    expect(timeGrowth(dashes(4_000), dashes(40_000), headlineCore)).toBeLessThan(20);
  });
});
