import { diffLines, diffWordsWithSpace } from 'diff';
import { NinjsDocument } from '../events/ninjs.mapper';

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

/**
 * How finely a part was compared: by word; by line (a paragraph or summary bullet), when the two
 * texts are too long or too different for a word diff within the bounds; or as a whole (one
 * deletion and one insertion), when even that is out of bounds.
 */
export type DiffGranularity = 'word' | 'line' | 'whole';
export const DIFF_GRANULARITIES: readonly DiffGranularity[] = ['word', 'line', 'whole'];

export interface StoryDiff {
  headline: DiffSegment[];
  summary: DiffSegment[];
  body: DiffSegment[];
  /** Whether any of the three differ. */
  changed: boolean;
  granularity: { headline: DiffGranularity; summary: DiffGranularity; body: DiffGranularity };
}

/**
 * Bounds on the work of one diff, which runs on the event loop: the diff's cost grows with the
 * tokens compared times the edits it looks through, so both are capped. At these caps a part costs
 * tens of milliseconds at most; a story past them is compared more coarsely, never slowly.
 */
export const DIFF_LIMITS = {
  /** Characters of both texts together, for a word diff (every word and space is a token). */
  wordChars: 60_000,
  /** Lines of both texts together, for a line diff. */
  lines: 20_000,
  /** Insertions plus deletions, in tokens, after which a diff gives up. */
  edits: 300,
} as const;

/** The parts of a ninjs document a reader compares: headline, summary bullets (one a line), plain-text body. */
export function comparableText(doc: NinjsDocument): { headline: string; summary: string; body: string } {
  return {
    headline: doc.headlines.find((h) => h.role === 'main')?.value ?? doc.headlines[0]?.value ?? '',
    summary: (doc.descriptions ?? [])
      .filter((d) => d.role === 'summary')
      .map((d) => d.value)
      .join('\n'),
    body: doc.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '',
  };
}

/**
 * A diff as equal, deleted and inserted runs in reading order, by word where DIFF_LIMITS allow.
 * Whitespace is kept, so the runs rebuild both texts exactly at every granularity; a change block
 * reads as one deletion followed by one insertion.
 */
export function diffText(from: string, to: string): DiffSegment[] {
  return boundedDiff(from, to).segments;
}

/** The finest diff within DIFF_LIMITS: by word, else by line, else as a whole; and which it is. */
export function boundedDiff(from: string, to: string): { segments: DiffSegment[]; granularity: DiffGranularity } {
  if (from === to) return { segments: from ? [{ op: 'equal', text: from }] : [], granularity: 'word' };
  const limits = { maxEditLength: DIFF_LIMITS.edits };
  const words = from.length + to.length <= DIFF_LIMITS.wordChars ? diffWordsWithSpace(from, to, limits) : undefined;
  if (words) return { segments: merged(words), granularity: 'word' };
  const lines = lineCount(from) + lineCount(to) <= DIFF_LIMITS.lines ? diffLines(from, to, limits) : undefined;
  if (lines) return { segments: merged(lines), granularity: 'line' };
  const whole: DiffSegment[] = [];
  if (from) whole.push({ op: 'delete', text: from });
  if (to) whole.push({ op: 'insert', text: to });
  return { segments: whole, granularity: 'whole' };
}

function lineCount(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** The library's changes as runs, a change block as one deletion followed by one insertion. */
function merged(changes: { added: boolean; removed: boolean; value: string }[]): DiffSegment[] {
  const raw = changes.map((c): DiffSegment => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
  const out: DiffSegment[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted) out.push({ op: 'delete', text: deleted });
    if (inserted) out.push({ op: 'insert', text: inserted });
    deleted = inserted = '';
  };
  raw.forEach((segment, i) => {
    if (segment.text.length === 0) return;
    const inChange = deleted !== '' || inserted !== '';
    const next = raw[i + 1];
    // Spacing between two changed words belongs to the change on both sides.
    const bridging = segment.op === 'equal' && inChange && next !== undefined && next.op !== 'equal' && /^\s+$/.test(segment.text);
    if (segment.op === 'delete' || bridging) deleted += segment.text;
    if (segment.op === 'insert' || bridging) inserted += segment.text;
    if (segment.op === 'equal' && !bridging) {
      flush();
      const last = out[out.length - 1];
      if (last && last.op === 'equal') last.text += segment.text;
      else out.push({ op: 'equal', text: segment.text });
    }
  });
  flush();
  return out;
}

export function diffStories(from: NinjsDocument, to: NinjsDocument): StoryDiff {
  const a = comparableText(from);
  const b = comparableText(to);
  const headline = boundedDiff(a.headline, b.headline);
  const summary = boundedDiff(a.summary, b.summary);
  const body = boundedDiff(a.body, b.body);
  const changed = [headline, summary, body].some((part) => part.segments.some((s) => s.op !== 'equal'));
  return {
    headline: headline.segments,
    summary: summary.segments,
    body: body.segments,
    changed,
    granularity: { headline: headline.granularity, summary: summary.granularity, body: body.granularity },
  };
}
