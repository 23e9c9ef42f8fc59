import { DEFAULT_TIME_ZONE, UpdatedLabelOptions } from '../updated-label.types';
import { MONTH_NAMES } from '../calendar/month-names';
import { calendarDateIn } from '../calendar/zoned-calendar';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Renders the label a reader sees at `now` for a story updated at `updatedAt`:
 * "Updated 4 sec ago" (< 1 min), "Updated 7 min 35 sec ago" (< 1 h), "Updated 2 hr 5 min ago" (< 1 day),
 * else "Updated 06 September 2024" (the date in the configured time zone, default UTC).
 * Elapsed time is truncated to whole seconds; a future `updatedAt` reads "Updated 0 sec ago".
 */
export function formatUpdatedLabel(updatedAt: Date, now: Date, opts: UpdatedLabelOptions = {}): string {
  const elapsedSeconds = Math.max(0, Math.floor((now.getTime() - updatedAt.getTime()) / 1000));
  if (elapsedSeconds < MINUTE) {
    return `Updated ${elapsedSeconds} sec ago`;
  }
  if (elapsedSeconds < HOUR) {
    return `Updated ${Math.floor(elapsedSeconds / MINUTE)} min ${elapsedSeconds % MINUTE} sec ago`;
  }
  if (elapsedSeconds < DAY) {
    return `Updated ${Math.floor(elapsedSeconds / HOUR)} hr ${Math.floor((elapsedSeconds % HOUR) / MINUTE)} min ago`;
  }
  const { year, month, day } = calendarDateIn(updatedAt, opts.timeZone ?? DEFAULT_TIME_ZONE);
  return `Updated ${String(day).padStart(2, '0')} ${MONTH_NAMES[month - 1]} ${year}`;
}
