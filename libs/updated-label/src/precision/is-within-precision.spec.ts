import { isWithinPrecision } from './is-within-precision';

const at = (iso: string) => new Date(iso);

describe('isWithinPrecision', () => {
  it('second: less than a second apart', () => {
    expect(isWithinPrecision(at('2025-03-21T09:59:56.000Z'), at('2025-03-21T09:59:56.999Z'), 'second')).toBe(true);
    expect(isWithinPrecision(at('2025-03-21T09:59:56.000Z'), at('2025-03-21T09:59:57.000Z'), 'second')).toBe(false);
  });

  it('minute: less than a minute apart', () => {
    expect(isWithinPrecision(at('2025-03-21T09:00:00Z'), at('2025-03-21T09:00:59Z'), 'minute')).toBe(true);
    expect(isWithinPrecision(at('2025-03-21T09:00:00Z'), at('2025-03-21T09:01:00Z'), 'minute')).toBe(false);
  });

  it('day: same calendar day in the time zone', () => {
    expect(isWithinPrecision(at('2024-09-06T00:00:00Z'), at('2024-09-06T23:59:59Z'), 'day')).toBe(true);
    expect(isWithinPrecision(at('2024-09-06T00:00:00Z'), at('2024-09-05T23:59:59Z'), 'day')).toBe(false);
    expect(isWithinPrecision(at('2024-09-05T15:00:00Z'), at('2024-09-06T14:59:59Z'), 'day', { timeZone: 'Asia/Seoul' })).toBe(true);
  });
});
