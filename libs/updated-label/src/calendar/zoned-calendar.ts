/** Calendar arithmetic in an IANA time zone, through Intl only (no tz database of our own). */
export interface CalendarDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

interface ZonedParts extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown time zone: a configuration error, reported as is.
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
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values['year'],
    month: values['month'],
    day: values['day'],
    hour: values['hour'] % 24,
    minute: values['minute'],
    second: values['second'],
  };
}

/** The calendar date of an instant in a time zone. */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  const { year, month, day } = zonedParts(instant, timeZone);
  return { year, month, day };
}

export function isSameCalendarDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Offset of the zone from UTC at an instant, in ms (local wall time minus UTC). */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = zonedParts(new Date(epochMs), timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The first instant of a calendar day in a time zone: local midnight, or, where a DST change
 * skips midnight, the first wall time that exists on that day.
 */
export function startOfDayIn(date: CalendarDate, timeZone: string): Date {
  const wallMidnight = Date.UTC(date.year, date.month - 1, date.day);
  let candidate = wallMidnight - offsetAt(wallMidnight, timeZone);
  candidate = wallMidnight - offsetAt(candidate, timeZone);
  const local = zonedParts(new Date(candidate), timeZone);
  const order = compareDates(local, date);
  if (order < 0) {
    // Landed on the evening before (midnight does not exist): move to the next local day start.
    const msIntoDay = ((local.hour * 60 + local.minute) * 60 + local.second) * 1000;
    candidate += DAY_MS - msIntoDay;
  } else if (order === 0 && (local.hour !== 0 || local.minute !== 0)) {
    // Landed after midnight on the right day: step back if an earlier instant is still that day.
    const earlier = candidate - ((local.hour * 60 + local.minute) * 60 + local.second) * 1000;
    if (compareDates(zonedParts(new Date(earlier), timeZone), date) === 0) candidate = earlier;
  }
  return new Date(candidate);
}
