import { DEFAULT_TIME_ZONE, ParsedUpdatedLabel, UpdatedLabelOptions } from '../updated-label.types';
import { monthFromName } from '../calendar/month-names';
import { startOfDayIn } from '../calendar/zoned-calendar';
import { labelText } from './label-text';

// Anchored, no nested quantifiers, bounded digit runs: linear on any input (and inputs are capped anyway).
const RELATIVE = /^(?:(\d{1,4}) ?(?:hrs?|hours?) ?)?(?:(\d{1,5}) ?(?:mins?|minutes?) ?)?(?:(\d{1,6}) ?(?:secs?|seconds?) ?)?ago$/;
const DAY_MONTH_YEAR = /^(\d{1,2}) ([a-z]{3,9})\.?,? (\d{4})$/;
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;

/**
 * Reads "Updated 4 sec ago", "7 min 35 sec ago", "2 hr 5 min ago", "1 hr ago", "Updated 06 September 2024",
 * "6 Sept 2024" (also "September 6, 2024"), with or without "Updated", any case, any spacing.
 * Relative labels count back from `capturedAt`; dates stand for midnight of that day in the time zone (default UTC).
 * Returns null for anything that is not such a label.
 */
export function parseUpdatedLabel(label: string, capturedAt: Date, opts: UpdatedLabelOptions = {}): ParsedUpdatedLabel | null {
  const text = labelText(label);
  if (!text) return null;
  return parseRelative(text, capturedAt) ?? parseDate(text, opts.timeZone ?? DEFAULT_TIME_ZONE);
}

function parseRelative(text: string, capturedAt: Date): ParsedUpdatedLabel | null {
  const match = RELATIVE.exec(text);
  if (!match) return null;
  const [, hours, minutes, seconds] = match;
  if (hours === undefined && minutes === undefined && seconds === undefined) return null;
  const totalSeconds = Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
  return {
    at: new Date(capturedAt.getTime() - totalSeconds * 1000),
    precision: seconds !== undefined ? 'second' : 'minute',
  };
}

function parseDate(text: string, timeZone: string): ParsedUpdatedLabel | null {
  const dmy = DAY_MONTH_YEAR.exec(text);
  const mdy = dmy ? null : MONTH_DAY_YEAR.exec(text);
  const [dayText, monthText, yearText] = dmy ? [dmy[1], dmy[2], dmy[3]] : mdy ? [mdy[2], mdy[1], mdy[3]] : [];
  if (dayText === undefined || monthText === undefined || yearText === undefined) return null;
  const month = monthFromName(monthText);
  const day = Number(dayText);
  const year = Number(yearText);
  if (month === undefined || day < 1 || day > daysInMonth(year, month)) return null;
  return { at: startOfDayIn({ year, month, day }, timeZone), precision: 'day' };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
