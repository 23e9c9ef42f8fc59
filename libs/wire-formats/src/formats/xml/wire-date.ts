/**
 * Dates as wire formats print them, to ISO instants (UTC):
 * - ISO 8601 / RFC 3339, with or without seconds, fractions, "Z", "+hh:mm" or "+hhmm": "2016-10-21T16:25:32-05:00";
 * - NITF's compact form: "20131020T192751+1100", "20141126T152703";
 * - RFC 822 as RSS prints it: "Mon, 29 Jul 2013 16:03:54 +0000", "… GMT", "… EST".
 * A time without a zone is wall-clock time in `timeZone` (an IANA name). Anything else: undefined.
 */
export function parseWireDate(value: string | undefined, timeZone = 'UTC'): string | undefined {
  const text = value?.trim();
  if (!text || text.length > 64) return undefined;
  const iso = ISO.exec(text) ?? COMPACT.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = iso;
    return toInstant([+y, +mo, +d, +h, +mi, +s, Math.round(Number(`0.${fraction || '0'}`) * 1000)], zone, timeZone);
  }
  const rfc = RFC822.exec(text);
  if (rfc) {
    const [, d, monthName, y, h, mi, s = '0', zone] = rfc;
    const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
    const year = y.length === 2 ? 2000 + +y : +y;
    return month > 0 ? toInstant([year, month, +d, +h, +mi, +s, 0], RFC822_ZONES[zone.toUpperCase()] ?? zone, timeZone) : undefined;
  }
  return undefined;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const RFC822 = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{4})?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC822_ZONES: Readonly<Record<string, string>> = {
  UT: 'Z',
  UTC: 'Z',
  GMT: 'Z',
  Z: 'Z',
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
};

type Fields = [year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number];

function toInstant(fields: Fields, zone: string | undefined, timeZone: string): string | undefined {
  const [y, mo, d, h, mi, s, ms] = fields;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  const offsetMinutes = zone === undefined ? zoneOffsetMinutes(wall, timeZone) : parseOffset(zone);
  if (offsetMinutes === undefined) return undefined;
  const date = new Date(wall - offsetMinutes * 60_000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function parseOffset(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const minutes = +match[2] * 60 + +(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC, in minutes, at the wall-clock time given as if it were UTC (two passes for DST edges). */
function zoneOffsetMinutes(wallAsUtc: number, timeZone: string): number | undefined {
  if (timeZone === 'UTC') return 0;
  const first = offsetAt(wallAsUtc, timeZone);
  if (first === undefined) return undefined;
  return offsetAt(wallAsUtc - first * 60_000, timeZone) ?? first;
}

const OFFSETS = new Map<string, number>();
const HOUR = 3_600_000;

/** Zone offsets change on whole or half hours: cache them per zone and quarter hour. */
function offsetAt(instant: number, timeZone: string): number | undefined {
  const key = `${timeZone} ${Math.floor(instant / (HOUR / 4))}`;
  const cached = OFFSETS.get(key);
  if (cached !== undefined) return cached;
  const offset = computeOffset(instant, timeZone);
  if (offset !== undefined && OFFSETS.size < 10_000) OFFSETS.set(key, offset);
  return offset;
}

function computeOffset(instant: number, timeZone: string): number | undefined {
  let formatter = FORMATTERS.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return undefined;
    }
    FORMATTERS.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}
