const SENTENCE_END = /[.!?:;"\u201d\u2019)\]\u2026]$/;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * One paragraph per non-blank line (scraped pages put each paragraph on its own line, with or
 * without blank lines between). A line that starts in lower case right after a line with no
 * sentence ending continues that paragraph (a hard wrap). Input lines are normalised; '' is blank.
 */
export function paragraphsByLine(lines: readonly string[]): string[] {
  // Lines are gathered per paragraph and joined once: testing or extending one ever-growing
  // string per wrapped line would copy it each time (quadratic on long hard-wrapped copy).
  const paragraphs: string[][] = [];
  let previousBlank = true;
  let lastEndsSentence = true;
  for (const line of lines) {
    if (line === '') {
      previousBlank = true;
      continue;
    }
    if (!previousBlank && paragraphs.length > 0 && STARTS_LOWER.test(line) && !lastEndsSentence) {
      paragraphs[paragraphs.length - 1].push(line);
    } else {
      paragraphs.push([line]);
    }
    lastEndsSentence = SENTENCE_END.test(line);
    previousBlank = false;
  }
  return paragraphs.map((parts) => parts.join(' '));
}

/** Paragraphs separated by blank lines, the lines of each joined with a space (hard-wrapped copy). */
export function paragraphsByBlankLine(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, '']) {
    if (line !== '') {
      current.push(line);
    } else if (current.length > 0) {
      paragraphs.push(current.join(' '));
      current = [];
    }
  }
  return paragraphs;
}

/** Whether any blank line separates two non-blank lines. */
export function hasInnerBlankLine(lines: readonly string[]): boolean {
  const first = lines.findIndex((line) => line !== '');
  let last = lines.length - 1;
  while (last >= 0 && lines[last] === '') last--;
  for (let i = first + 1; first >= 0 && i < last; i++) {
    if (lines[i] === '') return true;
  }
  return false;
}
