import fc from 'fast-check';
import { hash32 } from './hash';
import {
  bandKeys,
  fingerprint,
  HEADLINE_BANDS,
  indexKeys,
  LEDE_BANDS,
  LSH_BANDS,
  LSH_ROWS,
  indexScope,
  LEDE_PAIR_WORDS,
  lookupKeys,
  minhash,
  shingleHashes,
  SHORT_BODY_WORDS,
  wordPairs,
} from './fingerprint';
import { testItem, WILDFIRE } from '../testing/test-items';

describe('fingerprint', () => {
  it('splits the dateline off the lede and keeps numbers and names of headline and lede', () => {
    const fp = fingerprint(testItem('Wildfire forces thousands to flee homes near Athens', WILDFIRE));
    expect(fp.dateline).toBe('athens');
    expect(fp.lede.startsWith('a wildfire fanned by strong winds')).toBe(true);
    expect(fp.names).toEqual(expect.arrayContaining(['athens', 'sunday']));
    expect(fp.paragraphHashes).toHaveLength(WILDFIRE.length);
    expect(fp.bodyWords).toBeGreaterThan(100);
  });

  it('gives a headline-only flash no shingles and strips agency markers from headlines', () => {
    const fp = fingerprint(testItem('UPDATE 2-Wildfire forces thousands to flee (CORRECTED)', []));
    expect(fp.shingles).toEqual([]);
    expect(fp.headline).toBe('wildfire forces thousands to flee');
    expect(fp.ledeHash).toBeNull();
  });

  it('hashes each five-word shingle as the words joined by spaces, whatever the spacing', () => {
    const joined = (text: string) => {
      const w = text.length === 0 ? [] : text.split(' ');
      const set = new Set<number>(w.length > 0 && w.length < 5 ? [hash32(w.join(' '))] : []);
      for (let i = 0; i + 5 <= w.length; i++) set.add(hash32(w.slice(i, i + 5).join(' ')));
      return [...set].sort((a, b) => a - b);
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\u00e9', 'xy'), maxLength: 60 }), (text) => {
        expect(shingleHashes(text)).toEqual(joined(text));
      }),
      { numRuns: 5_000, seed: 3 },
    );
  });

  it('makes 128 MinHash values, LSH_BANDS band keys from the first of them; identical text shares every band', () => {
    const s = shingleHashes('one two three four five six seven eight');
    expect(s).toHaveLength(4);
    const sig = minhash(s);
    expect(sig).toHaveLength(128);
    expect(bandKeys(sig)).toHaveLength(LSH_BANDS);
    // Fewer values make the same first ones: the bands of a shorter signature are those of the longer.
    expect(minhash(s, LSH_BANDS * LSH_ROWS)).toEqual(sig.slice(0, LSH_BANDS * LSH_ROWS));
    expect(bandKeys(minhash(shingleHashes('one two three four five six seven eight')))).toEqual(bandKeys(sig));
  });

  it('indexes the opening of the lede as its first word and word pairs, leaving out numbers and short words', () => {
    expect(wordPairs('a wildfire near athens kills 12 on sunday', 16)).toEqual(['wildfire', 'wildfire near', 'near athens', 'athens kills', 'kills sunday']);
    expect(wordPairs('one two three four', 2)).toEqual(['one', 'one two']);
    expect(wordPairs('', 16)).toEqual([]);
  });

  it('scopes index keys to source and language', () => {
    const fp = fingerprint(testItem('Wildfire forces thousands to flee homes near Athens', WILDFIRE));
    const a = indexKeys(fp, indexScope('s1', 'en-GB'));
    const b = indexKeys(fp, indexScope('s1', 'en'));
    const c = indexKeys(fp, indexScope('s2', 'en'));
    expect(a).toEqual(b);
    expect(a.some((k) => c.includes(k))).toBe(false);
    // Bands, lede hash, paragraph hashes, headline, headline and lede trigram bands, and the lede's opening word and word pairs.
    expect(a.length).toBe(LSH_BANDS + 1 + WILDFIRE.length + 1 + HEADLINE_BANDS + LEDE_BANDS + wordPairs(fp.lede, LEDE_PAIR_WORDS).length);
    a.forEach((k) => expect(k).toMatch(/^-?\d+$/));
  });

  it('looks a full story up without the word pairs it is indexed under, and a flash or a kill with them', () => {
    const scope = indexScope('s1', 'en');
    const story = fingerprint(testItem('Wildfire forces thousands to flee homes near Athens', WILDFIRE));
    const pairs = wordPairs(story.lede, LEDE_PAIR_WORDS).length;
    const indexed = indexKeys(story, scope);
    expect(lookupKeys(story, scope, false)).toEqual(indexed.slice(0, indexed.length - pairs));
    expect(lookupKeys(story, scope, true)).toEqual(indexed);
    const flash = fingerprint(testItem('Wildfire forces thousands to flee homes near Athens', ['ATHENS (Reuters) - A wildfire forced thousands to flee.']));
    expect(flash.bodyWords).toBeLessThan(SHORT_BODY_WORDS);
    expect(lookupKeys(flash, scope, false)).toEqual(indexKeys(flash, scope));
  });
});
