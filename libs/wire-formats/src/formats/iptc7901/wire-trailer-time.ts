const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  mär: 3,
  mrz: 3,
  apr: 4,
  may: 5,
  mai: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  okt: 10,
  nov: 11,
  dec: 12,
  dez: 12,
};
// "131137 GMT Nov 13", "211259 Nov 18": day, hour, minute, [GMT,] month, two-digit year.
const DPA_TRAILER = /^(\d{2})(\d{2})(\d{2})(?: (?:GMT|UTC))? (\p{L}{3})\p{L}{0,6}\.? (\d{2})\b/u;
// "AP-WF-11-13-13 1509GMT": month, day, two-digit year, hour and minute GMT.
const AP_TRAILER = /\b(\d{2})-(\d{2})-(\d{2}) (\d{2})(\d{2}) ?GMT\b/;

/** The transmission time in an IPTC 7901 trailer ("131137 GMT Nov 13"), as an ISO instant. */
export function dpaTrailerTime(trailer: string): string | undefined {
  const match = DPA_TRAILER.exec(trailer.trim().slice(0, 40));
  if (!match) return undefined;
  const [, day, hour, minute, monthName, year] = match;
  const month = MONTHS[monthName.toLowerCase()];
  return month ? instant(2000 + Number(year), month, Number(day), Number(hour), Number(minute)) : undefined;
}

/** The transmission time in an AP ANPA trailer ("AP-WF-11-13-13 1509GMT"), as an ISO instant. */
export function apTrailerTime(trailer: string): string | undefined {
  const match = AP_TRAILER.exec(trailer.slice(0, 60));
  if (!match) return undefined;
  const [, month, day, year, hour, minute] = match;
  return instant(2000 + Number(year), Number(month), Number(day), Number(hour), Number(minute));
}

function instant(year: number, month: number, day: number, hour: number, minute: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return date.getUTCDate() === day ? date.toISOString() : undefined;
}
