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
// The place may carry the date or be only a date ("Jan. 12 (BusinessDesk) - "), hence the digits.
const AGENCY_DATELINE = /^(\p{Lu}[\p{L}\p{M}\d.'\u2019 -]{0,40}?(?:, [\p{L}\p{M}.'\u2019 ]{1,30}?)?) \(([^()]{1,30})\) ?(?:--?|_|\u2013|\u2014) +/u;

// An agency in brackets: lower-case credits ("dpa", "tca/dpa", "epd") or a known agency name.
const AGENCY =
  /^(?:[a-z]{2,6}(?:[/-][a-zA-Z]{2,6}){0,2}|AP|AFP|AAP|ANA|ANSA|APA|ATS|BNS|CP|EFE|KNA|NTB|PA|RTRS|Reuters|SDA|STT|TASS|TT|UPI|Ritzau|Xinhua|Kyodo|Yonhap|BusinessDesk)$/;

/** Splits an agency dateline off a paragraph: "Berlin (dpa) - Negotiations …", "ATLANTA (AP) _ Luol Deng …", "Jan. 12 (BusinessDesk) - The …". */
export function splitAgencyDateline(paragraph: string): AgencyDateline | null {
  const match = AGENCY_DATELINE.exec(paragraph.slice(0, HEAD_LENGTH));
  if (!match || !AGENCY.test(match[2])) return null;
  const rest = paragraph.slice(match[0].length).trim();
  return rest === '' ? null : { dateline: match[1].trim(), agency: match[2], rest };
}
