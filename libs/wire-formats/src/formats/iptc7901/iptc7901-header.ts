export interface Iptc7901Header {
  /** Service and message number: "eca062" → sequence "062". */
  sequence?: string;
  /** Priority digit, 1 (flash) .. 6. */
  priority?: number;
  /** Category letters: "i", "s", "rs". */
  category?: string;
  wordCount?: number;
}

// "eca062 4 i 211 ccccb   dpa 061": source and service letters, message number, priority, category, word count.
const HEADER = /^([A-Za-z]{1,4}?)(\d{2,5}) +(\d) +([A-Za-z]{1,3}) +(\d{1,6})\b/;

/** Reads the IPTC 7901 header line (the text after SOH). Unknown layouts give an empty header. */
export function parseIptc7901Header(line: string): Iptc7901Header {
  const match = HEADER.exec(line.trim().slice(0, 80));
  if (!match) return {};
  return { sequence: match[2], priority: Number(match[3]), category: match[4].toLowerCase(), wordCount: Number(match[5]) };
}
