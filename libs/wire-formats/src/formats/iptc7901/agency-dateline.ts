export interface AgencyDateline {
  /** The place as printed: "Berlin", "BUENOS AIRES, Argentina". */
  dateline: string;
  /** The agency in brackets: "dpa", "AP", "tca/dpa". */
  agency: string;
  /** The paragraph after the dash. */
  rest: string;
}

// Only the head of a paragraph is examined, so the bounded pattern never scans a long line.
const HEAD_LENGTH = 120;
const AGENCY_DATELINE = /^(\p{Lu}[\p{L}\p{M}.'\u2019 -]{0,40}?(?:, [\p{L}\p{M}.'\u2019 ]{1,30}?)?) \(([^()]{1,30})\) ?(?:--?|_|\u2013|\u2014) +/u;

/** Splits an agency dateline off a paragraph: "Berlin (dpa) - Negotiations …", "ATLANTA (AP) _ Luol Deng …". */
export function splitAgencyDateline(paragraph: string): AgencyDateline | null {
  const match = AGENCY_DATELINE.exec(paragraph.slice(0, HEAD_LENGTH));
  if (!match) return null;
  const rest = paragraph.slice(match[0].length).trim();
  return rest === '' ? null : { dateline: match[1].trim(), agency: match[2], rest };
}
