import type { TextFingerprint } from './fingerprint';
import { matchSetsOf, trigramHashes } from './trigrams';

export { trigramHashes } from './trigrams';

/** |A ∩ B| of two sorted arrays of distinct numbers. */
function intersectSorted(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** Trigram similarity as pg_trgm computes it: shared trigrams over all distinct trigrams. */
export function trigramSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  return setSimilarity(trigramHashes(a), trigramHashes(b));
}

/** Jaccard of two sorted arrays of distinct numbers. */
function setSimilarity(a: Uint32Array, b: Uint32Array): number {
  const shared = intersectSorted(a, b);
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

export type DatelineAgreement = 'same' | 'different' | 'unknown';

/** Everything text matching looks at for one pair, kept with the decision as its reason. */
export interface Similarity {
  /** Word 5-shingle Jaccard of the bodies. */
  jaccard: number;
  /** Shared shingles over the smaller body's shingles: 1 when one body holds the other. */
  containment: number;
  /** Shingles of the smaller body. */
  smallerShingles: number;
  /** Trigram similarity of the headlines (agency markers removed). */
  headline: number;
  /** Trigram similarity of the ledes. */
  lede: number;
  sameLede: boolean;
  /** Shared paragraph hashes over the smaller number of hashed paragraphs. */
  sharedParagraphs: number;
  dateline: DatelineAgreement;
  /** Numbers in headline and lede found on one side only. */
  numbersChanged: number;
  /** Capitalised names in headline and lede found on one side only. */
  namesChanged: number;
}

function onOneSide(a: string[], b: string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let n = 0;
  for (const x of sa) if (!sb.has(x)) n++;
  for (const x of sb) if (!sa.has(x)) n++;
  return n;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function similarity(a: TextFingerprint, b: TextFingerprint): Similarity {
  const sa = matchSetsOf(a);
  const sb = matchSetsOf(b);
  const shared = intersectSorted(sa.shingles, sb.shingles);
  const union = a.shingles.length + b.shingles.length - shared;
  const smaller = Math.min(a.shingles.length, b.shingles.length);
  const pb = new Set(b.paragraphHashes);
  const sharedParas = a.paragraphHashes.filter((p) => pb.has(p)).length;
  const minParas = Math.min(a.paragraphHashes.length, b.paragraphHashes.length);
  return {
    jaccard: round(union === 0 ? 0 : shared / union),
    containment: round(smaller === 0 ? 0 : shared / smaller),
    smallerShingles: smaller,
    headline: round(setSimilarity(sa.headline, sb.headline)),
    lede: round(setSimilarity(sa.lede, sb.lede)),
    sameLede: a.ledeHash !== null && a.ledeHash === b.ledeHash,
    sharedParagraphs: round(minParas === 0 ? 0 : sharedParas / minParas),
    dateline: a.dateline && b.dateline ? (a.dateline === b.dateline ? 'same' : 'different') : 'unknown',
    numbersChanged: onOneSide(a.numbers, b.numbers),
    namesChanged: onOneSide(a.names, b.names),
  };
}
