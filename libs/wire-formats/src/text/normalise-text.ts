// Whitespace other than the plain space: tabs, line ends, no-break, thin, ideographic spaces (JS \s less ' ').
const OTHER_SPACES = /[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
// Zero-width characters that only hide word boundaries or byte-order marks.
const ZERO_WIDTH = /[\u200b\ufeff]/g;
const SPACE_RUNS = / {2,}/g;

/**
 * Display text: NFC, every run of whitespace (no-break spaces included) one plain space, zero-width
 * spaces dropped, trimmed. Quotes are kept as printed. Three linear passes that only touch what they
 * replace, so ordinary text (single spaces) costs little even at megabytes.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(ZERO_WIDTH, '').replace(OTHER_SPACES, ' ').replace(SPACE_RUNS, ' ').trim();
}

/** True when a line holds nothing but whitespace. */
export function isBlank(text: string): boolean {
  return normaliseText(text) === '';
}
