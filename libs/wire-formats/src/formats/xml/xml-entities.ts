/** Named entities accepted in text and attributes: XML's five plus a fixed table of HTML ones found in agency copy. */
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para ' +
  'middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute ' +
  'Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute ' +
  'THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ' +
  'ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const OTHER_ENTITIES: Readonly<Record<string, number>> = {
  amp: 0x26,
  lt: 0x3c,
  gt: 0x3e,
  quot: 0x22,
  apos: 0x27,
  OElig: 0x152,
  oelig: 0x153,
  Scaron: 0x160,
  scaron: 0x161,
  Yuml: 0x178,
  fnof: 0x192,
  circ: 0x2c6,
  tilde: 0x2dc,
  ensp: 0x2002,
  emsp: 0x2003,
  thinsp: 0x2009,
  zwnj: 0x200c,
  zwj: 0x200d,
  lrm: 0x200e,
  rlm: 0x200f,
  ndash: 0x2013,
  mdash: 0x2014,
  lsquo: 0x2018,
  rsquo: 0x2019,
  sbquo: 0x201a,
  ldquo: 0x201c,
  rdquo: 0x201d,
  bdquo: 0x201e,
  dagger: 0x2020,
  Dagger: 0x2021,
  bull: 0x2022,
  hellip: 0x2026,
  permil: 0x2030,
  prime: 0x2032,
  Prime: 0x2033,
  lsaquo: 0x2039,
  rsaquo: 0x203a,
  oline: 0x203e,
  frasl: 0x2044,
  euro: 0x20ac,
  trade: 0x2122,
  larr: 0x2190,
  uarr: 0x2191,
  rarr: 0x2192,
  darr: 0x2193,
  harr: 0x2194,
  minus: 0x2212,
  le: 0x2264,
  ge: 0x2265,
  ne: 0x2260,
};

const NAMED: ReadonlyMap<string, string> = new Map<string, string>([
  ...LATIN1_NAMES.split(' ').map((name, index): [string, string] => [name, String.fromCharCode(0xa0 + index)]),
  ...Object.entries(OTHER_ENTITIES).map(([name, code]): [string, string] => [name, String.fromCharCode(code)]),
]);

/** Longest reference looked at: "&#x10FFFF;" and the longest known name fit. */
const MAX_REFERENCE = 18;

/**
 * Decodes character references and the known named entities. Nothing is ever expanded recursively and
 * no entity declared by a document is honoured, so entity bombs and external entities have no effect.
 * A bare "&" or an unknown name stays as written. One forward scan, each "&" looking at most 18 characters ahead.
 */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let copied = 0;
  let semi = -1;
  while (amp >= 0) {
    // The next ";" only moves forward, so the scan stays linear however many "&" there are.
    if (semi <= amp) semi = text.indexOf(';', amp + 1);
    if (semi < 0) break;
    if (semi - amp <= MAX_REFERENCE) {
      const decoded = decodeReference(text.slice(amp + 1, semi));
      if (decoded !== undefined) {
        out += text.slice(copied, amp) + decoded;
        copied = semi + 1;
      }
    }
    amp = text.indexOf('&', amp + 1);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The character(s) for the body of one reference ("amp", "#163", "#x20AC"), or undefined when it is not one. */
function decodeReference(body: string): string | undefined {
  if (body.charCodeAt(0) !== 0x23 /* # */) return NAMED.get(body);
  const hex = body.charCodeAt(1) === 0x78 || body.charCodeAt(1) === 0x58;
  const digits = body.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
  return fromCodePoint(parseInt(digits, hex ? 16 : 10));
}

function fromCodePoint(code: number): string {
  const valid = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff));
  return valid ? String.fromCodePoint(code) : '\ufffd';
}

// Character references and the quote and ampersand entities, as they appear in text that was escaped twice.
const ESCAPED_TWICE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(quot|apos|amp));/g;

/**
 * Some feeds escape their copy twice, so after XML decoding the text still reads "o&#39;clock" or
 * "&quot;Hi&quot;". This decodes that second layer: character references and the quote and ampersand
 * entities only, once, so no markup can appear.
 */
export function decodeEscapedTwice(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ESCAPED_TWICE, (whole: string, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return NAMED.get(name) ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
    return code === 0x3c || code === 0x3e ? whole : fromCodePoint(code);
  });
}
