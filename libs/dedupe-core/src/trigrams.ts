import { fmix32 } from './hash';

const imul = Math.imul;
const WORD = /[^\p{L}\p{N}]+/u;

/**
 * The hashes of pg_trgm's trigrams of a text (each word padded with two spaces before and one
 * after), sorted and distinct: each is `hash32` of the three code units, made from the codes
 * without a string per trigram. Similarity is counted on these hashes; two of a text's few
 * hundred trigrams share a 32-bit hash about once in ten thousand texts, which moves its
 * similarity by a fraction of a percent. A typed array: it sorts natively, and its unsigned
 * values are compared unboxed.
 */
export function trigramHashes(text: string): Uint32Array {
  // A word of n code units has n + 1 trigrams and words are apart: at most one a code unit, and one more.
  const out = new Uint32Array(text.length + 1);
  let n = 0;
  for (const w of text.split(WORD)) {
    if (!w) continue;
    // The padded word "  w " as code units: c0, c1, c2 slide along it.
    let c0 = 32;
    let c1 = 32;
    for (let i = 0; i <= w.length; i++) {
      const c2 = i < w.length ? w.charCodeAt(i) : 32;
      out[n++] = trigramHash(c0, c1, c2);
      c0 = c1;
      c1 = c2;
    }
  }
  return sortedDistinct(out.subarray(0, n));
}

/** `hash32` (FNV-1a, then fmix32) of the string of three code units. */
function trigramHash(a: number, b: number, c: number): number {
  let h = 0x811c9dc5;
  h = imul(h ^ a, 0x01000193);
  h = imul(h ^ b, 0x01000193);
  h = imul(h ^ c, 0x01000193);
  return fmix32(h);
}

/** The values sorted, each once, as a new array of their own length. */
export function sortedDistinct(values: Uint32Array): Uint32Array {
  values.sort();
  let n = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[n - 1]) values[n++] = values[i];
  return values.slice(0, n);
}

/** What text matching compares of a fingerprint, as sorted typed arrays. */
export interface MatchSets {
  headline: Uint32Array;
  lede: Uint32Array;
  shingles: Uint32Array;
}

// An item is compared with every version of every candidate, and a candidate with every item
// of the batch; the item's headline and lede trigrams also make its index keys. They are made
// once a fingerprint, and kept as long as the fingerprint is.
const fingerprintSets = new WeakMap<object, MatchSets>();

/** The trigram hashes of a fingerprint's headline and lede, and its shingles, made once. */
export function matchSetsOf(fp: { readonly headline: string; readonly lede: string; readonly shingles: readonly number[] }): MatchSets {
  let t = fingerprintSets.get(fp);
  if (!t) {
    t = { headline: trigramHashes(fp.headline), lede: trigramHashes(fp.lede), shingles: Uint32Array.from(fp.shingles) };
    fingerprintSets.set(fp, t);
  }
  return t;
}
