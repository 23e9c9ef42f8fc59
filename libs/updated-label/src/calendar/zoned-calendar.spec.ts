import { calendarDateIn, isSameCalendarDate, startOfDayIn } from './zoned-calendar';

describe('zoned calendar', () => {
  it('gives the calendar date of an instant in a zone', () => {
    const instant = new Date('2024-09-05T23:30:00Z');
    expect(calendarDateIn(instant, 'UTC')).toEqual({ year: 2024, month: 9, day: 5 });
    expect(calendarDateIn(instant, 'Asia/Seoul')).toEqual({ year: 2024, month: 9, day: 6 });
  });

  it('finds midnight of a day in UTC and in other zones', () => {
    expect(startOfDayIn({ year: 2024, month: 9, day: 6 }, 'UTC').toISOString()).toBe('2024-09-06T00:00:00.000Z');
    expect(startOfDayIn({ year: 2024, month: 9, day: 6 }, 'Asia/Seoul').toISOString()).toBe('2024-09-05T15:00:00.000Z');
    expect(startOfDayIn({ year: 2024, month: 3, day: 31 }, 'Europe/Paris').toISOString()).toBe('2024-03-30T23:00:00.000Z');
    expect(startOfDayIn({ year: 2024, month: 11, day: 3 }, 'America/New_York').toISOString()).toBe('2024-11-03T04:00:00.000Z');
  });

  it('uses the first existing instant when a DST change skips midnight', () => {
    // Brazil moved clocks from 00:00 to 01:00 on 4 November 2018.
    const start = startOfDayIn({ year: 2018, month: 11, day: 4 }, 'America/Sao_Paulo');
    expect(start.toISOString()).toBe('2018-11-04T03:00:00.000Z');
    expect(calendarDateIn(start, 'America/Sao_Paulo')).toEqual({ year: 2018, month: 11, day: 4 });
    expect(calendarDateIn(new Date(start.getTime() - 1), 'America/Sao_Paulo')).toEqual({ year: 2018, month: 11, day: 3 });
  });

  it('compares calendar dates', () => {
    expect(isSameCalendarDate({ year: 2024, month: 1, day: 2 }, { year: 2024, month: 1, day: 2 })).toBe(true);
    expect(isSameCalendarDate({ year: 2024, month: 1, day: 2 }, { year: 2024, month: 1, day: 3 })).toBe(false);
  });

  it('rejects an unknown time zone', () => {
    expect(() => calendarDateIn(new Date(0), 'Mars/Olympus')).toThrow(RangeError);
  });
});
