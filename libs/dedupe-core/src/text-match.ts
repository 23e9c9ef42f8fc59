import { TextFingerprint } from './fingerprint';
import { words } from './match-text';
import { Similarity, similarity, trigramSimilarity } from './similarity';

/**
 * Thresholds of text matching, calibrated on the labelled set of `npm run eval:dedupe`
 * (figures in services/dedupe/README.md).
 */
export const TEXT_MATCH = {
  /** A body this short is a flash: only the headline can tell. */
  flashWords: 30,
  flashHeadline: 0.75,
  nearCopyJaccard: 0.5,
  containment: 0.75,
  containmentMinShingles: 20,
  writeThroughJaccard: 0.15,
  writeThroughHeadline: 0.5,
  writeThroughParagraphs: 0.5,
  writeThroughContainment: 0.5,
  writeThroughLede: 0.6,
  leadRewriteParagraphs: 0.5,
  leadRewriteJaccard: 0.08,
  leadRewriteHeadline: 0.35,
  sameLedeHeadline: 0.4,
  /** Different datelines: only a near copy joins. */
  otherDatelineJaccard: 0.5,
  /** Templated copy that differs in numbers (and names) joins only above this. */
  templateJaccard: 0.8,
  /** Below this headline similarity, changed names and numbers in headline and lede mark templated copy. */
  templateHeadline: 0.9,
  /** Above it too when the ledes are this alike without their names and numbers: one template's sentence. */
  templateSkeleton: 0.7,
  /** Other numbers in both headline and lede, without a correction: another templated story (a result, a price) unless nearly all text is the same, or the evidence of a developing story below holds. */
  otherNumbersJaccard: 0.9,
  /** A developing story: headlines this alike once their numbers are left out. */
  developingHeadline: 0.6,
  /** A developing story keeps this share of its paragraphs word for word (templated copy changes the figures of every paragraph that has any). */
  developingParagraphs: 0.6,
  /** At most this many names in headline and lede on one side only: another team, company or market is another story. */
  developingNames: 1,
  /** Versions of a developing story come within this many hours of each other. */
  developingHours: 24,
  /** A kill notice whose headline is not the story's: this share of its headline words must be in the story's headline or lede. */
  killHeadlineWords: 0.8,
  killHeadlineMinWords: 4,
  /** A kill whose headline is the opening words of the story's lede joins within this many hours. */
  killOpeningHours: 24,
} as const;

export type TextRule =
  'flash-headline' | 'kill-headline' | 'near-copy' | 'contained' | 'developing-figures' | 'write-through' | 'lead-rewrite' | 'same-lede' | 'none';

/** What is known of the pair besides the texts. */
export interface PairContext {
  /** The item is a kill: its text is a notice, its headline repeats the one it kills. */
  kill?: boolean;
  /** Hours between the item's time and the story's current version; null when either is unknown. */
  hoursApart?: number | null;
}

export interface TextVerdict {
  match: boolean;
  rule: TextRule;
  /** Ranks matching candidates; 0..1. */
  score: number;
  /** Why not, when it did not match. */
  veto?: 'template' | 'dateline' | 'headline-numbers';
  similarity: Similarity;
}

/** The numbers of a text, in any order. */
const digits = (s: string) => (s.match(/\d+/g) ?? []).sort().join(' ');
/** The text without its numbers: what is left of a headline once its figures are taken out. */
const withoutNumbers = (s: string) =>
  s
    .replace(/\d+(?:[.,:]\d+)*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Numbers differ in headline and lede. A developing story (a toll, a count, a price, a score
 * in progress) and two results of one template look alike here; the evidence together tells
 * them apart: the same names (no other team, company or market), the same headline once the
 * figures are left out, most paragraphs kept word for word (a template's result changes the
 * figures of every paragraph that has any; a developing story's later paragraphs stand), the
 * same dateline, and versions close in time.
 */
function developing(item: TextFingerprint, story: TextFingerprint, s: Similarity, hoursApart: number | null | undefined): boolean {
  const t = TEXT_MATCH;
  if (s.dateline === 'different' || s.namesChanged > t.developingNames) return false;
  if (hoursApart != null && hoursApart > t.developingHours) return false;
  if (s.sharedParagraphs < t.developingParagraphs) return false;
  return trigramSimilarity(withoutNumbers(item.headline), withoutNumbers(story.headline)) >= t.developingHeadline;
}

/**
 * The two ledes are one sentence with other names and numbers in it: alike once the names
 * and numbers of both are left out (a lede rewritten by a desk is another sentence).
 */
function sameSkeleton(item: TextFingerprint, story: TextFingerprint): boolean {
  const names = new Set([...item.names, ...story.names]);
  const skeleton = (lede: string) =>
    words(withoutNumbers(lede))
      .filter((w) => !names.has(w))
      .join(' ');
  return trigramSimilarity(skeleton(item.lede), skeleton(story.lede)) >= TEXT_MATCH.templateSkeleton;
}

/**
 * A kill notice under a headline the story has not carried yet (the kill overtook a headline
 * rewrite), a rewritten headline being drawn from the lede: its headline is the opening of the
 * story's lede, word for word, and the two are close in time; or most of its (at least four)
 * headline words are in the story's headline or lede and its numbers are among the story's.
 */
function killHeadlineHeld(kill: TextFingerprint, story: TextFingerprint, hoursApart: number | null | undefined): boolean {
  const t = TEXT_MATCH;
  const all = words(kill.headline);
  const lede = words(story.lede);
  const opening = all.length > 0 && all.length <= lede.length && all.every((w, i) => w === lede[i]);
  if (opening && (hoursApart == null || hoursApart <= t.killOpeningHours)) return true;
  const head = words(withoutNumbers(kill.headline)).filter((w) => w.length >= 3);
  if (head.length < t.killHeadlineMinWords) return false;
  const known = new Set([...words(story.headline), ...words(story.lede)]);
  const held = head.filter((w) => known.has(w)).length;
  if (held < head.length * t.killHeadlineWords) return false;
  const numbers = new Set(story.numbers);
  return kill.numbers.every((n) => numbers.has(n));
}

/**
 * Are two versions' texts the same story? Rules in order; the first that fires decides.
 * A flash (headline only, or a line or two) joins on its headline alone. Full texts join
 * when they are near copies, when one holds the other, or when a rewrite keeps the lede,
 * the headline or several paragraphs. Templated copy (results, prices) whose numbers and
 * names differ, and copy under another dateline, join only as near copies; a developing
 * story whose figures changed joins on the evidence of `developing`. A kill notice joins on
 * its headline, also one the story has not carried yet (`killHeadlineHeld`).
 */
export function compareText(item: TextFingerprint, story: TextFingerprint, correction = false, context: PairContext = {}): TextVerdict {
  const s = similarity(item, story);
  const t = TEXT_MATCH;
  const score = Math.min(1, Math.max(s.jaccard, s.containment * 0.95, s.sharedParagraphs * 0.8) * 0.7 + s.headline * 0.3);
  const verdict = (rule: TextRule): TextVerdict => ({ match: rule !== 'none', rule, score: rule === 'none' ? 0 : score, similarity: s });
  const veto = (why: TextVerdict['veto']): TextVerdict => ({ match: false, rule: 'none', score: 0, veto: why, similarity: s });

  if (Math.min(item.bodyWords, story.bodyWords) < t.flashWords) {
    if (digits(item.headline) !== digits(story.headline) && !correction) return veto('headline-numbers');
    if (s.headline >= t.flashHeadline) return verdict('flash-headline');
    const shortKill = context.kill === true && item.bodyWords < t.flashWords && story.bodyWords >= t.flashWords;
    return verdict(shortKill && killHeadlineHeld(item, story, context.hoursApart) ? 'kill-headline' : 'none');
  }
  const otherNumbers = digits(item.headline) !== digits(story.headline) && digits(item.lede) !== digits(story.lede);
  if (!correction && otherNumbers && s.jaccard < t.otherNumbersJaccard) {
    return developing(item, story, s, context.hoursApart) ? verdict('developing-figures') : veto('template');
  }
  // The same template with other names and numbers (a result with the same score): only the headline's names differ.
  // Under the same headline, it is the lede that tells: the same sentence with other names and numbers in it.
  const templated = !correction && s.numbersChanged >= 2 && s.namesChanged >= 2 && (s.headline < t.templateHeadline || sameSkeleton(item, story));
  if (templated && s.jaccard < t.templateJaccard) return veto('template');
  if (s.dateline === 'different' && s.jaccard < t.otherDatelineJaccard) return veto('dateline');
  if (s.jaccard >= t.nearCopyJaccard) return verdict('near-copy');
  if (s.containment >= t.containment && s.smallerShingles >= t.containmentMinShingles) return verdict('contained');
  // Shared paragraphs alone also join a sidebar that repeats background: the rewrite must also hold most of the old text.
  const keptText = s.sharedParagraphs >= t.writeThroughParagraphs && s.containment >= t.writeThroughContainment;
  if (s.jaccard >= t.writeThroughJaccard && (s.sameLede || s.headline >= t.writeThroughHeadline || keptText || s.lede >= t.writeThroughLede)) {
    return verdict('write-through');
  }
  if (s.sharedParagraphs >= t.leadRewriteParagraphs && s.jaccard >= t.leadRewriteJaccard && s.headline >= t.leadRewriteHeadline) {
    return verdict('lead-rewrite');
  }
  if (s.sameLede && s.headline >= t.sameLedeHeadline) return verdict('same-lede');
  return verdict('none');
}
