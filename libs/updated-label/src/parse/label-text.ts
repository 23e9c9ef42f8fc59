/** Longest label text worth reading; anything longer is not a label (and is never scanned). */
export const MAX_LABEL_LENGTH = 120;

/** Lower-cases, turns no-break and other Unicode spaces into plain spaces, collapses runs, trims, drops a leading "Updated". */
export function labelText(label: string): string | null {
  if (label.length > MAX_LABEL_LENGTH) return null;
  const text = label
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ')
    .trim()
    .toLowerCase();
  return text.replace(/^updated:?(?: |$)/, '').trim();
}
