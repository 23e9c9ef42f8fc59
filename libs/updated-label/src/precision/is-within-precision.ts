import type { TimePrecision } from '@copydesk/contracts';
import { DEFAULT_TIME_ZONE, UpdatedLabelOptions } from '../updated-label.types';
import { calendarDateIn, isSameCalendarDate } from '../calendar/zoned-calendar';

const UNIT_MS: Record<Exclude<TimePrecision, 'day'>, number> = { second: 1000, minute: 60_000 };

/**
 * Whether two instants agree at a label's precision: less than one second apart ('second'),
 * less than one minute apart ('minute'), or on the same calendar day in the time zone ('day', default UTC).
 */
export function isWithinPrecision(a: Date, b: Date, precision: TimePrecision, opts: UpdatedLabelOptions = {}): boolean {
  switch (precision) {
    case 'second':
    case 'minute':
      return Math.abs(a.getTime() - b.getTime()) < UNIT_MS[precision];
    case 'day': {
      const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
      return isSameCalendarDate(calendarDateIn(a, timeZone), calendarDateIn(b, timeZone));
    }
    default: {
      const unknown: never = precision;
      throw new RangeError(`Unknown time precision: ${String(unknown)}`);
    }
  }
}
