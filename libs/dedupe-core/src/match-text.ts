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

// Agency markers around a headline that say what kind of version it is, not what it is about.
const HEADLINE_PREFIX =
  /^(?:(?:killed|kill|corrected|correction|correcting|refile|refiled|repeat|urgent|flash|bulletin|update \d+|updated|writethru|\d+(?:st|nd|rd|th) ld(?: writethru)?)\s*[-:|]+\s*)+/;
const HEADLINE_SUFFIXES = ['corrected', 'updated', 'update', 'refile', 'writethru'];
const SPACE = /\s/;

/**
 * The text without a trailing version marker and the spaces, dashes and brackets before it
 * ("… - corrected", "… (update)"). The same as replacing
 * /\s*[-(]*\s*(?:corrected|updated|update|refile|writethru)\s*\)?$/, but read from the end: the
 * pattern is tried at every position, and each try runs through a whole run of dashes, so a long
 * run cost quadratic time.
 */
export function stripHeadlineSuffix(text: string): string {
  let end = text.endsWith(')') ? text.length - 1 : text.length;
  while (end > 0 && SPACE.test(text[end - 1])) end--;
  const marker = HEADLINE_SUFFIXES.find((m) => end >= m.length && text.startsWith(m, end - m.length));
  if (!marker) return text;
  let start = end - marker.length;
  while (start > 0 && SPACE.test(text[start - 1])) start--;
  while (start > 0 && (text[start - 1] === '-' || text[start - 1] === '(')) start--;
  while (start > 0 && SPACE.test(text[start - 1])) start--;
  return text.slice(0, start);
}

/** The headline's match text without agency version markers ("UPDATE 2-", "KILLED -", "(CORRECTED)"). */
export function headlineCore(headline: string): string {
  const m = matchText(headline.replace(/[()]/g, ' ( ').replace(/\s+/g, ' '));
  return stripHeadlineSuffix(m.replace(HEADLINE_PREFIX, '')).trim().slice(0, 300);
}

// A dateline at the start of a lede: "SEOUL:", "WASHINGTON, March 20 (Reuters) -", "BERLIN (dpa) -".
const DATELINE = /^\s*([A-Z][A-Za-z.'\u2019 -]{1,40}?)(?:\s*,[^:\n]{0,40}?)?(?:\s*\([^)]{1,30}\))?\s*(?::|\s-|\s\u2013|\s\u2014)\s+/;

/** Splits a leading dateline off a paragraph: `{ dateline: "seoul", text: "..." }`. */
export function splitDateline(paragraph: string): { dateline: string | null; text: string } {
  const m = DATELINE.exec(paragraph);
  if (!m || m[1].toUpperCase() !== m[1]) return { dateline: null, text: paragraph };
  return { dateline: matchText(m[1]), text: paragraph.slice(m[0].length) };
}

/** The words of a match text. */
export function words(text: string): string[] {
  return text.length === 0 ? [] : text.split(' ');
}
