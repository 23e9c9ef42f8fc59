/** Longest first line taken whole as a headline. */
export const MAX_HEADLINE_LENGTH = 300;
const SHORTENED_LENGTH = 200;

/**
 * The headline from a first line. A line longer than a headline could be (copy without a headline,
 * or one long line) gives its first sentence, or its first words, and is returned whole as `overflow`
 * so no text is lost.
 */
export function shortenHeadline(line: string): { headline: string; overflow?: string } {
  if (line.length <= MAX_HEADLINE_LENGTH) return { headline: line };
  const head = line.slice(0, SHORTENED_LENGTH + 1);
  const sentenceEnd = head.search(/[.!?] /);
  if (sentenceEnd > 0) return { headline: head.slice(0, sentenceEnd + 1), overflow: line };
  const lastSpace = head.lastIndexOf(' ');
  const cut = lastSpace > 0 ? head.slice(0, lastSpace) : head.slice(0, SHORTENED_LENGTH);
  return { headline: `${cut}\u2026`, overflow: line };
}
