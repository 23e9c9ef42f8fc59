export interface DatelineSplit {
  /** As printed, without the separator: "SEOUL", "WASHINGTON, D.C.". */
  dateline: string;
  /** The paragraph without the dateline and its separator. */
  rest: string;
}

// Only the head of a paragraph is examined, so the (anchored, bounded) pattern never scans a long line.
const HEAD_LENGTH = 80;
const DATELINE =
  /^([A-Z][A-Z.'\u2019-]*(?: [A-Z][A-Z.'\u2019-]*){0,3}(?:, [A-Z][A-Za-z.'\u2019-]*(?: [A-Z][A-Za-z.'\u2019-]*){0,2})?)(?: \([A-Za-z .&/-]{1,30}\))? ?(?::|\u2014|\u2013| -) +/;
const NOT_PLACES = new Set([
  'UPDATE',
  'UPDATED',
  'NOTE',
  'EDITOR\u2019S NOTE',
  "EDITOR'S NOTE",
  'CORRECTION',
  'BREAKING',
  'WATCH',
  'READ MORE',
  'ALSO READ',
  'FILE',
  'PHOTO',
  'VIDEO',
]);

/**
 * Splits a leading dateline off a (whitespace-normalised) paragraph: "SEOUL: North Korea …" → "SEOUL" + "North Korea …".
 * Accepts "PLACE:", "PLACE, Region:", "PLACE (Agency) -", "PLACE —". The place must be in capitals.
 */
export function splitDateline(paragraph: string): DatelineSplit | null {
  const match = DATELINE.exec(paragraph.slice(0, HEAD_LENGTH));
  if (!match) return null;
  const dateline = match[1];
  const rest = paragraph.slice(match[0].length).trim();
  if (dateline.length < 2 || rest === '' || NOT_PLACES.has(dateline)) return null;
  return { dateline, rest };
}
