import { codeUnitBuffer, stringOf } from './code-units';

// Whitespace other than the plain space: tabs, line ends, no-break, thin, ideographic spaces (JS \s less ' ').
const OTHER_SPACES = /[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

const TEXT = 0;
const SPACE = 1;
/** Zero-width spaces and byte-order marks only hide word boundaries; a NUL is never copy. */
const DROPPED = 2;

/** The kind of each code unit up to U+3000, the last space; above it only U+FEFF is not text. */
const KINDS = (() => {
  const kinds = new Uint8Array(0x3001);
  for (let c = 0; c < kinds.length; c++) if (c === 0x20 || OTHER_SPACES.test(String.fromCharCode(c))) kinds[c] = SPACE;
  kinds[0] = DROPPED;
  kinds[0x200b] = DROPPED;
  return kinds;
})();

const kindOf = (c: number) => (c < 0x3001 ? KINDS[c] : c === 0xfeff ? DROPPED : TEXT);

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Display text: NFC, every run of whitespace (no-break spaces included) one plain space, zero-width
 * spaces, byte-order marks and NULs dropped, a lone surrogate (half of a pair) made U+FFFD, trimmed.
 * Quotes are kept as printed. A NUL or a lone surrogate would make the item unstorable (PostgreSQL
 * refuses U+0000 in text and jsonb, and an unpaired surrogate in jsonb); NULs go before composing.
 *
 * One pass over the code units into a buffer, after a check that leaves text needing nothing as
 * it is: replacing each match of a pattern made a string per match, and on megabytes of tabs or
 * no-break spaces that cost grew faster than the text.
 */
export function normaliseText(text: string): string {
  const s = (text.includes('\u0000') ? text.replaceAll('\u0000', '') : text).normalize('NFC');
  if (isNormalised(s)) return s;
  const out = codeUnitBuffer(s.length);
  let n = 0;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const kind = kindOf(c);
    if (kind === SPACE) gap = n > 0;
    if (kind !== TEXT) continue;
    if (gap) out[n++] = 0x20;
    gap = false;
    if (isHigh(c) && isLow(s.charCodeAt(i + 1))) {
      out[n++] = c;
      out[n++] = s.charCodeAt(++i);
    } else {
      out[n++] = isHigh(c) || isLow(c) ? 0xfffd : c;
    }
  }
  return stringOf(out, n);
}

/** Single plain spaces between words, none at either end, nothing to drop, no lone surrogate. */
function isNormalised(s: string): boolean {
  if (s.length === 0) return true;
  if (s.charCodeAt(0) === 0x20 || s.charCodeAt(s.length - 1) === 0x20) return false;
  let afterSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const kind = kindOf(c);
    if (kind === DROPPED || (kind === SPACE && (c !== 0x20 || afterSpace))) return false;
    if (isHigh(c) && isLow(s.charCodeAt(i + 1))) i++;
    else if (isHigh(c) || isLow(c)) return false;
    afterSpace = kind === SPACE;
  }
  return true;
}

/** True when a line holds nothing but whitespace. */
export function isBlank(text: string): boolean {
  return normaliseText(text) === '';
}
