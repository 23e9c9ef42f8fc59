import { keyDayOf, keyDaysBetween } from './batch-rows';

describe('the days of the candidate index', () => {
  it('numbers whole UTC days since 1970', () => {
    expect(keyDayOf(new Date('1970-01-01T23:59:59.999Z'))).toBe(0);
    expect(keyDayOf(new Date('1970-01-02T00:00:00Z'))).toBe(1);
    expect(keyDayOf(new Date('2025-03-21T10:00:00Z'))).toBe(20168);
  });

  it('reads every day a 72-hour window touches', () => {
    const now = new Date('2025-03-21T10:00:00Z');
    const since = new Date(now.getTime() - 72 * 3_600_000);
    expect(keyDaysBetween(since, now)).toEqual([20165, 20166, 20167, 20168]);
  });

  it('reads the next day too in the minutes before midnight, for an instance whose clock is ahead', () => {
    const now = new Date('2025-03-21T23:57:00Z');
    expect(keyDaysBetween(new Date('2025-03-21T09:00:00Z'), now)).toEqual([20168, 20169]);
    expect(keyDaysBetween(new Date('2025-03-21T09:00:00Z'), new Date('2025-03-21T23:54:00Z'))).toEqual([20168]);
  });
});
