import { CanonicalItem } from '@copydesk/contracts';
import { fmix32, hash32, hash32Range, hex64, key64, seededRandom } from './hash';
import { headlineCore, matchText, splitDateline, words } from './match-text';
import { matchSetsOf, sortedDistinct } from './trigrams';

export const SHINGLE_WORDS = 5;
/**
 * Body LSH: 16 bands of 4 MinHash values (the first 64 of MINHASH_SIZE), firing from a
 * shingle Jaccard of about 0.5. The headline, lede and paragraph keys find rewrites below that.
 * Twice as many bands of each kind (32, 16 and 8, as versions were indexed before) found
 * nothing more in `npm run eval:dedupe`, also with 1,000 and 2,000 distinct stories of every
 * source in the window (`--distractors`); fewer bands are keys a version does not write
 * and a lookup does not probe. A version indexed under more bands is still found: its other
 * keys are the same.
 */
export const MINHASH_SIZE = 128;
export const LSH_BANDS = 16;
export const LSH_ROWS = 4;
/** Paragraphs shorter than this are not hashed: short lines ("Follow", "Read more") are furniture, not evidence. */
export const MIN_PARAGRAPH_WORDS = 8;
export const MAX_PARAGRAPH_HASHES = 40;
/** Trigram LSH of the headline: 8 bands of 3 fire from a trigram Jaccard of about 0.5. */
export const HEADLINE_BANDS = 8;
/** Trigram LSH of the lede: 4 bands of 3. */
export const LEDE_BANDS = 4;
export const TRIGRAM_ROWS = 3;
/** Word pairs are indexed from this many words at the opening of the lede. */
export const LEDE_PAIR_WORDS = 16;
/** A body shorter than this many words (a flash, a kill notice) is also found by its headline's word pairs. */
export const SHORT_BODY_WORDS = 30;

/**
 * What matching knows about one version's text. JSON-safe: it is stored with the story and
 * compared with later items.
 */
export interface TextFingerprint {
  /** Headline match text without agency markers. */
  headline: string;
  /** First body paragraph (or first summary bullet), match text without its dateline, at most 400 characters. */
  lede: string;
  ledeHash: string | null;
  dateline: string | null;
  /** Sorted, distinct 32-bit hashes of the body's word 5-shingles. */
  shingles: number[];
  /** Hashes of each body paragraph with at least MIN_PARAGRAPH_WORDS words. */
  paragraphHashes: string[];
  /** Numbers and capitalised names in headline and lede: templated stories differ in these. */
  numbers: string[];
  names: string[];
  bodyWords: number;
}

const MINHASH_SEEDS: number[] = (() => {
  const rnd = seededRandom(0x5eed1234);
  return Array.from({ length: MINHASH_SIZE }, () => Math.floor(rnd() * 0x100000000) >>> 0);
})();

/** Body paragraphs first (the lede is the first of them), then summary bullets; crossheads left out. */
function bodyParagraphs(item: CanonicalItem): string[] {
  return [...item.body.filter((b) => b.kind === 'paragraph').map((b) => b.text), ...item.summary].filter((p) => p.trim().length > 0);
}

/**
 * Word 5-shingles of a text as sorted distinct hashes; a text shorter than five words is one shingle.
 * A shingle is the hash of five words joined by spaces, which is the stretch of the text they
 * span: it is hashed in place, so a megabyte body makes no string per word.
 */
export function shingleHashes(text: string): number[] {
  if (text.length === 0) return [];
  // At most one shingle a word, and a word ends at each space or at the end.
  const out = new Uint32Array(text.length + 1);
  let n = 0;
  // Where the last five words start, as a ring: word n at n % SHINGLE_WORDS.
  const starts = new Array<number>(SHINGLE_WORDS).fill(0);
  let count = 0;
  let wordStart = 0;
  for (let space = text.indexOf(' '); ; space = text.indexOf(' ', space + 1)) {
    const wordEnd = space < 0 ? text.length : space;
    starts[count % SHINGLE_WORDS] = wordStart;
    count++;
    if (count >= SHINGLE_WORDS) out[n++] = hash32Range(text, starts[(count - SHINGLE_WORDS) % SHINGLE_WORDS], wordEnd);
    if (space < 0) break;
    wordStart = space + 1;
  }
  if (count < SHINGLE_WORDS) out[n++] = hash32(text);
  return Array.from(sortedDistinct(out.subarray(0, n)));
}

/** The seeds as unsigned 32-bit integers in a typed array: the inner loop reads them without boxing. */
const SEEDS = Uint32Array.from(MINHASH_SEEDS);

export function minhash(shingles: ArrayLike<number>, size = MINHASH_SIZE): number[] {
  // Unsigned 32-bit values above 2^31 are not small integers to V8: in a plain array each
  // would be a boxed double, in a Uint32Array they stay raw.
  const mins = new Uint32Array(size).fill(0xffffffff);
  for (let k = 0; k < shingles.length; k++) {
    const s = shingles[k];
    for (let i = 0; i < size; i++) {
      const v = fmix32(s ^ SEEDS[i]);
      if (v < mins[i]) mins[i] = v;
    }
  }
  return Array.from(mins);
}

/** LSH band keys: LSH_BANDS bands of 4 rows; two texts share a band with probability about J^4 per band. */
export function bandKeys(signature: number[], bands = LSH_BANDS, rows = LSH_ROWS, prefix = 'b'): string[] {
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) keys.push(`${prefix}${b}:${signature.slice(b * rows, (b + 1) * rows).join('.')}`);
  return keys;
}

const NAME = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'\u2019-]+/gu;
const NUMBER = /\d+(?:[.,:]\d+)*/g;

/** Capitalised words except the first word of each sentence, lowercased. */
function names(text: string): string[] {
  const out = new Set<string>();
  for (const sentence of text.split(/(?<=[.!?:;])\s+|\n/)) {
    const found = sentence.match(NAME) ?? [];
    const first = sentence.trimStart().match(/^\S+/)?.[0];
    for (const n of found) if (n !== first) out.add(matchText(n));
  }
  return [...out].sort();
}

/** The text before its first comma ("SEOUL, March 20" → "SEOUL"). */
function beforeComma(text: string): string {
  const comma = text.indexOf(',');
  return comma < 0 ? text : text.slice(0, comma);
}

/** `words(text).length`, counted up to `limit` at most, without splitting the text. */
function wordCount(text: string, limit = Infinity): number {
  if (text.length === 0) return 0;
  let count = 1;
  for (let space = text.indexOf(' '); space >= 0 && count < limit; space = text.indexOf(' ', space + 1)) count++;
  return count;
}

export function fingerprint(item: CanonicalItem): TextFingerprint {
  const paragraphs = bodyParagraphs(item);
  const first = paragraphs[0] ? splitDateline(paragraphs[0]) : { dateline: null, text: '' };
  // Each paragraph's match text, made once: the lede, the shingles and the paragraph hashes all read it.
  const texts = paragraphs.map((p, i) => matchText(i === 0 ? first.text : p));
  const lede = (texts[0] ?? '').slice(0, 400);
  const dateline = item.dateline ? matchText(beforeComma(item.dateline)) : first.dateline;
  const bodyText = texts.join(' ');
  const paragraphHashes = new Set<string>();
  for (const t of texts) {
    if (paragraphHashes.size >= MAX_PARAGRAPH_HASHES) break;
    if (wordCount(t, MIN_PARAGRAPH_WORDS) >= MIN_PARAGRAPH_WORDS) paragraphHashes.add(hex64(t));
  }
  const headAndLede = `${item.headline}\n${first.text}`;
  return {
    headline: headlineCore(item.headline),
    lede,
    ledeHash: words(lede).length >= MIN_PARAGRAPH_WORDS ? hex64(lede) : null,
    dateline: dateline || null,
    shingles: shingleHashes(bodyText),
    paragraphHashes: [...paragraphHashes],
    numbers: [...new Set(headAndLede.match(NUMBER) ?? [])].sort(),
    names: names(headAndLede),
    bodyWords: wordCount(bodyText),
  };
}

/**
 * The keys under which a version is indexed, scoped to source and language so that one
 * lookup never reaches another source's stories: MinHash LSH band keys of the body's
 * shingles, the lede and paragraph hashes, the exact headline, trigram LSH band keys
 * of headline and lede, and word pairs of the lede's opening. Each is a 64-bit integer as a
 * decimal string.
 */
export function indexKeys(fp: TextFingerprint, scope: string): string[] {
  return fingerprintKeys(fp, scope, true).index;
}

/**
 * The keys an item looks its candidates up by: its index keys, but the word pairs only for a
 * short item (a flash, a kill notice) or a kill. The opening words of a lede ("The
 * government", "said on") are shared by many unrelated stories of a source, so for a full
 * story they would fill its candidates with strangers, each compared for nothing; a full
 * story finds its own by its body, lede and headline. A short item has little else to go by.
 */
export function lookupKeys(fp: TextFingerprint, scope: string, kill: boolean): string[] {
  return fingerprintKeys(fp, scope, kill).lookup;
}

/**
 * `indexKeys` and `lookupKeys` at once: the MinHash signatures they share are the costly part
 * of both, so a stage that needs the two makes them once.
 */
export function fingerprintKeys(fp: TextFingerprint, scope: string, kill: boolean): { index: string[]; lookup: string[] } {
  const keys = new Set<string>();
  if (fp.shingles.length > 0) for (const band of bandKeys(minhash(matchSetsOf(fp).shingles, LSH_BANDS * LSH_ROWS))) keys.add(key64(`${scope}|${band}`));
  if (fp.ledeHash) keys.add(key64(`${scope}|l:${fp.ledeHash}`));
  // Trigram similarity of headline and lede, retrieved through LSH keys rather than a scan.
  if (fp.headline)
    for (const band of bandKeys(minhash(matchSetsOf(fp).headline, HEADLINE_BANDS * TRIGRAM_ROWS), HEADLINE_BANDS, TRIGRAM_ROWS, 'h'))
      keys.add(key64(`${scope}|${band}`));
  if (fp.lede)
    for (const band of bandKeys(minhash(matchSetsOf(fp).lede, LEDE_BANDS * TRIGRAM_ROWS), LEDE_BANDS, TRIGRAM_ROWS, 'l')) keys.add(key64(`${scope}|${band}`));
  for (const p of fp.paragraphHashes) keys.add(key64(`${scope}|p:${p}`));
  if (fp.headline) keys.add(key64(`${scope}|h:${fp.headline}`));
  const lookupWithPairs = kill || fp.bodyWords < SHORT_BODY_WORDS;
  const lookup = lookupWithPairs ? undefined : [...keys];
  // A rewritten headline is drawn from the lede: a kill notice (or a flash) under a headline the story
  // has not carried yet finds it by the word pairs its headline shares with the lede's opening.
  for (const pair of wordPairs(fp.lede, LEDE_PAIR_WORDS)) keys.add(key64(`${scope}|w:${pair}`));
  if (fp.bodyWords < SHORT_BODY_WORDS) for (const pair of wordPairs(fp.headline, LEDE_PAIR_WORDS)) keys.add(key64(`${scope}|w:${pair}`));
  const index = [...keys];
  return { index, lookup: lookup ?? index };
}

/**
 * Consecutive pairs of the words of at least three letters (no bare numbers: figures change)
 * among the first `limit` words, and the first such word alone (a one-word headline is the
 * opening of a lede).
 */
export function wordPairs(text: string, limit: number): string[] {
  const kept = words(text)
    .slice(0, limit)
    .filter((w) => w.length >= 3 && !/^[\d.,:-]+$/.test(w));
  const pairs: string[] = kept.length > 0 ? [kept[0]] : [];
  for (let i = 1; i < kept.length; i++) pairs.push(`${kept[i - 1]} ${kept[i]}`);
  return pairs;
}

/** The scope of the candidate index: one source, one language. */
export function indexScope(sourceId: string, language: string | undefined): string {
  return `${sourceId}|${(language ?? '').toLowerCase().split('-')[0]}`;
}
