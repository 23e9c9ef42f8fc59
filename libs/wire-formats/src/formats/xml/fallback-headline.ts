import type { BodyBlock } from '@copydesk/contracts';

const MAX_LENGTH = 100;

/**
 * For copy that carries no headline: the first paragraph, cut at a word before 100 characters. Superdesk
 * takes the first 100 characters of the whole body text instead, across paragraphs and inside a word
 * ("… FINNISH *** Also the unemployment law went th"); a headline is one paragraph's words, whole.
 */
export function fallbackHeadline(body: readonly BodyBlock[] | undefined, ...candidates: (string | undefined)[]): string {
  const text = candidates.find((candidate) => candidate) ?? body?.find((block) => block.text !== '')?.text ?? '';
  if (text.length <= MAX_LENGTH) return text;
  const head = text.slice(0, MAX_LENGTH + 1);
  const lastSpace = head.lastIndexOf(' ');
  return `${lastSpace > MAX_LENGTH / 2 ? head.slice(0, lastSpace) : head.slice(0, MAX_LENGTH)}\u2026`;
}
