import type { MediaItem } from '@copydesk/contracts';

const MAX_CREDIT_LENGTH = 60;
/** Shorter header lines without a credit are unknown furniture ("3 min read"), not captions. */
const MIN_CAPTION_LENGTH = 20;

/**
 * A photo caption line with its credit in trailing brackets:
 * "Yoon and Kishida in Seoul on May 27, 2024. (Reuters)" → { caption: "… May 27, 2024.", credit: "Reuters" }.
 * Returns null for a line that does not look like a caption.
 */
export function parsePhotoCaption(line: string): MediaItem | null {
  const credit = trailingCredit(line);
  if (credit) {
    const caption = line.slice(0, credit.start).trim();
    return caption ? { kind: 'picture', caption, credit: credit.text } : { kind: 'picture', credit: credit.text };
  }
  return line.length >= MIN_CAPTION_LENGTH ? { kind: 'picture', caption: line } : null;
}

function trailingCredit(line: string): { text: string; start: number } | null {
  if (!line.endsWith(')')) return null;
  const start = line.lastIndexOf('(');
  if (start < 0 || line.length - start - 2 > MAX_CREDIT_LENGTH) return null;
  const text = line.slice(start + 1, -1).trim();
  return text ? { text, start } : null;
}
