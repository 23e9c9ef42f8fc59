export interface AnpaHeader {
  /** Service level letter and sequence number: "W2870". */
  sequence?: string;
  /** Priority letter: f(lash), b(ulletin), u(rgent), r(outine), d(eferred), a, s. */
  priority?: string;
  /** Category letter: a, i, s, l, f, e, … */
  category?: string;
  /** Format identifier: DC3 DC1 for running text, DC4 DC2 for tables. */
  tabular?: boolean;
  /** Keyword (slug) as transmitted, at most 24 characters: "BC-LT--Argentina-CancerB". */
  keyword?: string;
  /** Version / take key field: "1stLd-Writethru". */
  version?: string;
  /** "11-13": month and day. */
  reference?: string;
  wordCount?: number;
}

const SEQUENCE = /^\u0016*\u0001?([A-Za-z]\d{4})/;
// "f l\x13\x11 BC-LT--Argentina-CancerB     11-13 1049": priority, category, format id, keyword, [version,] date, [words].
const HEADING = /^([a-z]) ([a-z])([\u0011-\u0014]{0,2}) ?(\S{1,40})(?: +(\S{1,40}))?? +(\d\d-\d\d)(?: +(\d{1,6}))? *$/;

/** Reads the two ANPA-1312 header lines (before STX). Unknown layouts give an empty header. */
export function parseAnpaHeader(lines: readonly string[]): AnpaHeader {
  const header: AnpaHeader = {};
  const sequence = SEQUENCE.exec(lines[0] ?? '');
  if (sequence) header.sequence = sequence[1];
  const heading = HEADING.exec((lines[1] ?? '').slice(0, 120));
  if (heading) {
    const [, priority, category, formatId, keyword, version, reference, words] = heading;
    Object.assign(header, { priority, category, keyword, reference });
    if (formatId.startsWith('\u0014')) header.tabular = true;
    if (version) header.version = version;
    if (words) header.wordCount = Number(words);
  }
  return header;
}

// ANPA priority letters on the IPTC urgency scale (1 = most urgent).
const URGENCY: Readonly<Record<string, number>> = { f: 1, b: 2, u: 3, r: 5, s: 5, d: 6, a: 7 };

export function anpaUrgency(priority: string | undefined): number | undefined {
  return priority === undefined ? undefined : URGENCY[priority];
}
