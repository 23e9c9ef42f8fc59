import { TextFingerprint } from './fingerprint';
import { Similarity, similarity } from './similarity';

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
  /** Other numbers in both headline and lede, without a correction: another templated story (a result, a price) unless nearly all text is the same. */
  otherNumbersJaccard: 0.9,
} as const;

export type TextRule = 'flash-headline' | 'near-copy' | 'contained' | 'write-through' | 'lead-rewrite' | 'same-lede' | 'none';

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

/**
 * Are two versions' texts the same story? Rules in order; the first that fires decides.
 * A flash (headline only, or a line or two) joins on its headline alone. Full texts join
 * when they are near copies, when one holds the other, or when a rewrite keeps the lede,
 * the headline or several paragraphs. Templated copy (results, prices) whose numbers and
 * names differ, and copy under another dateline, join only as near copies.
 */
export function compareText(item: TextFingerprint, story: TextFingerprint, correction = false): TextVerdict {
  const s = similarity(item, story);
  const t = TEXT_MATCH;
  const score = Math.min(1, Math.max(s.jaccard, s.containment * 0.95, s.sharedParagraphs * 0.8) * 0.7 + s.headline * 0.3);
  const verdict = (rule: TextRule): TextVerdict => ({ match: rule !== 'none', rule, score: rule === 'none' ? 0 : score, similarity: s });
  const veto = (why: TextVerdict['veto']): TextVerdict => ({ match: false, rule: 'none', score: 0, veto: why, similarity: s });

  if (Math.min(item.bodyWords, story.bodyWords) < t.flashWords) {
    if (digits(item.headline) !== digits(story.headline) && !correction) return veto('headline-numbers');
    return verdict(s.headline >= t.flashHeadline ? 'flash-headline' : 'none');
  }
  const otherNumbers = digits(item.headline) !== digits(story.headline) && digits(item.lede) !== digits(story.lede);
  if (!correction && otherNumbers && s.jaccard < t.otherNumbersJaccard) return veto('template');
  // The same template with other names and numbers (a result with the same score): only the headline's names differ.
  const templated = !correction && s.numbersChanged >= 2 && s.namesChanged >= 2 && s.headline < t.templateHeadline;
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
