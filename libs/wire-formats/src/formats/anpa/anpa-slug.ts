/** The keyword field of the ANPA heading holds at most 24 characters. */
const KEYWORD_FIELD_CHARS = 24;
// The cycle that opens an AP keyword: BC- (both cycles), AM-, PM-, AP-.
const CYCLE = /^(?:BC|AM|PM|AP)-/i;
// A two-letter desk code before the double hyphen ("US--", "LT--", "AS--") says where the story was
// filed, not what it is. AP's three-letter sports codes ("BBO--", "BKN--") stay: sports desks slug by them.
const DESK_CODE = /^[A-Z]{2}--/;

/**
 * The story's slug: the heading's keyword without its cycle and desk code ("BC-LT--Argentina-Cancer" →
 * "Argentina-Cancer"). The heading squeezes the spaces out of the slug line's keyword and cuts it at 24
 * characters ("BC-LT--Argentina-CancerB" for "BC-LT--Argentina-Cancer Beauty"); a keyword cut inside a word
 * is cut back to the last whole word the slug line shows ("Argentina-Cancer"), so no half word is kept.
 * Without a heading keyword, the slug line's own keyword is used.
 */
export function anpaSlug(headingKeyword: string | undefined, slugLine: string | undefined): string | undefined {
  const keyword = headingKeyword ?? slugLine;
  if (keyword === undefined) return undefined;
  const whole = headingKeyword !== undefined && slugLine !== undefined ? wholeWords(headingKeyword, slugLine) : keyword;
  return whole.replace(CYCLE, '').replace(DESK_CODE, '') || undefined;
}

/** `keyword` as it stands, or cut back to a word end of `slugLine` when it fills the field and ends mid-word. */
function wholeWords(keyword: string, slugLine: string): string {
  if (keyword.length < KEYWORD_FIELD_CHARS) return keyword;
  // One pass over the slug line's first characters (no more than the keyword's): spaces squeezed out,
  // noting where words end (before a space or a hyphen).
  let squeezed = '';
  const wordEnds = new Set<number>();
  for (let i = 0; i < slugLine.length && squeezed.length <= keyword.length; i++) {
    const char = slugLine[i];
    if (char === ' ') {
      wordEnds.add(squeezed.length);
      continue;
    }
    if (char === '-') wordEnds.add(squeezed.length);
    squeezed += char;
  }
  if (!squeezed.startsWith(keyword)) return keyword;
  if (squeezed.length === keyword.length || wordEnds.has(keyword.length)) return keyword;
  const end = Math.max(0, ...[...wordEnds].filter((position) => position < keyword.length));
  return end > 0 ? keyword.slice(0, end) : keyword;
}
