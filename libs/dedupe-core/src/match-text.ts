// What matching keeps of the text: letters, digits, apostrophes and hyphens. Everything else
// (spaces, punctuation, symbols, lone surrogates) separates words.
const WORD_CHAR = /[\p{L}\p{N}]/u;
let wordCharTable: Uint8Array | undefined;

/** Whether each BMP code unit is a letter or digit: built once, on the first text beyond ASCII. */
function bmpWordChars(): Uint8Array {
  if (!wordCharTable) {
    wordCharTable = new Uint8Array(0x10000);
    for (let c = 0x80; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) wordCharTable[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return wordCharTable;
}

const UTF16 = new TextDecoder('utf-16le');
/** Up to this length a string is made from the code units directly, cheaper than a decoder call. */
const SHORT_TEXT = 256;
// matchText is synchronous and never re-entered, so one buffer serves every ordinary call.
const SCRATCH = new Uint16Array(16_384);

/** A quote or prime read as an apostrophe: ‘ ’ ‚ ‛ ′ ` ´. */
function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b || c === 0x2032 || c === 0x60 || c === 0xb4;
}

/** A hyphen, dash or minus read as a hyphen. */
function isHyphen(c: number): boolean {
  return c === 0x2d || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;
}

/**
 * The text used for matching, apart from the text kept for display: NFKC, case-folded,
 * quotes and dashes unified, punctuation dropped, whitespace collapsed. Digits are kept:
 * corrections often change only a number.
 *
 * One pass over the code units into a buffer, after NFKC and lower-casing: every run of
 * characters other than letters, digits, apostrophes and hyphens becomes one space, none at
 * either end. The same result as a chain of replacements (quotes, dashes, punctuation runs, then
 * whitespace runs), but without a string per match, whose cost grew faster than the text.
 */
export function matchText(text: string): string {
  const s = text.normalize('NFKC').toLowerCase();
  const out = bufferFor(s.length);
  let n = 0;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    let low = 0;
    let keep: boolean;
    if (c < 0x80) {
      keep = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x27 || c === 0x2d || c === 0x60;
      if (c === 0x60) c = 0x27;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      low = s.charCodeAt(i + 1);
      keep = WORD_CHAR.test(s.slice(i, i + 2));
      i++;
    } else if (isApostrophe(c)) {
      keep = true;
      c = 0x27;
    } else if (isHyphen(c)) {
      keep = true;
      c = 0x2d;
    } else {
      keep = bmpWordChars()[c] === 1;
    }
    if (!keep) {
      gap = n > 0;
      continue;
    }
    if (gap) out[n++] = 0x20;
    gap = false;
    out[n++] = c;
    if (low) out[n++] = low;
  }
  return n <= SHORT_TEXT ? String.fromCharCode(...out.subarray(0, n)) : UTF16.decode(out.subarray(0, n));
}

/** A buffer for the match text of `length` code units: a shared one for ordinary texts, a new one for long ones. */
function bufferFor(length: number): Uint16Array {
  return length <= SCRATCH.length ? SCRATCH : new Uint16Array(length);
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

/**
 * Only this much of a headline is read: real headlines are a few hundred characters at most, and
 * the core keeps 300. A megabyte "headline" costs no more than a long one.
 */
export const HEADLINE_READ_CHARS = 2_000;

/** The headline's match text without agency version markers ("UPDATE 2-", "KILLED -", "(CORRECTED)"). */
export function headlineCore(headline: string): string {
  const head = headline.length > HEADLINE_READ_CHARS ? headline.slice(0, HEADLINE_READ_CHARS) : headline;
  const m = matchText(head.replace(/[()]/g, ' ( ').replace(/\s+/g, ' '));
  return stripHeadlineSuffix(m.replace(HEADLINE_PREFIX, '')).trim().slice(0, 300);
}

// A dateline at the start of a lede: "SEOUL:", "WASHINGTON, March 20 (Reuters) -", "BERLIN (dpa) -".
const DATELINE = /^\s*([A-Z][A-Za-z.'\u2019 -]{1,40}?)(?:\s*,[^:\n]{0,40}?)?(?:\s*\([^)]{1,30}\))?\s*(?::|\s-|\s\u2013|\s\u2014)\s+/;

/**
 * A dateline is looked for in the head of the paragraph only: a match is about 120 characters at
 * most, save for runs of spaces, and the anchored pattern would otherwise run through a whole
 * megabyte line of spaces some forty times. The text after it is read as match text, where leading
 * spaces do not count.
 */
const DATELINE_HEAD = 200;

/** Splits a leading dateline off a paragraph: `{ dateline: "seoul", text: "..." }`. */
export function splitDateline(paragraph: string): { dateline: string | null; text: string } {
  const m = DATELINE.exec(paragraph.length > DATELINE_HEAD ? paragraph.slice(0, DATELINE_HEAD) : paragraph);
  if (!m || m[1].toUpperCase() !== m[1]) return { dateline: null, text: paragraph };
  return { dateline: matchText(m[1]), text: paragraph.slice(m[0].length) };
}

/** The words of a match text. */
export function words(text: string): string[] {
  return text.length === 0 ? [] : text.split(' ');
}
