import { diffWordsWithSpace } from 'diff';
import { NinjsDocument } from '../events/ninjs.mapper';

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export interface StoryDiff {
  headline: DiffSegment[];
  summary: DiffSegment[];
  body: DiffSegment[];
  /** Whether any of the three differ. */
  changed: boolean;
}

/** The parts of a ninjs document a reader compares: headline, summary bullets (one a line), plain-text body. */
export function comparableText(doc: NinjsDocument): { headline: string; summary: string; body: string } {
  return {
    headline: doc.headlines.find((h) => h.role === 'main')?.value ?? doc.headlines[0]?.value ?? '',
    summary: (doc.descriptions ?? []).filter((d) => d.role === 'summary').map((d) => d.value).join('\n'),
    body: doc.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '',
  };
}

/**
 * A word-level diff: equal, deleted and inserted runs in reading order. Whitespace is kept, so the
 * runs rebuild both texts exactly; a change block reads as one deletion followed by one insertion.
 */
export function diffText(from: string, to: string): DiffSegment[] {
  const raw = diffWordsWithSpace(from, to).map((c): DiffSegment => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
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
  const result = { headline: diffText(a.headline, b.headline), summary: diffText(a.summary, b.summary), body: diffText(a.body, b.body) };
  const changed = [result.headline, result.summary, result.body].some((segments) => segments.some((s) => s.op !== 'equal'));
  return { ...result, changed };
}
