/**
 * The text used for matching, apart from the text kept for display: NFKC, case-folded,
 * quotes and dashes unified, punctuation dropped, whitespace collapsed. Digits are kept:
 * corrections often change only a number.
 */
export function matchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[^\p{L}\p{N}'\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key under which a headline is looked up: its match text. */
export function headlineKey(headline: string): string {
  return matchText(headline).slice(0, 300);
}
