import { ApiError } from '@copydesk/observability';
import { formatInterval, parseInterval } from './feed-interval';

describe('parseInterval', () => {
  it('reads seconds, minutes, hours and days, a bare number as seconds', () => {
    expect(parseInterval('90')).toBe(90);
    expect(parseInterval('60s')).toBe(60);
    expect(parseInterval('5m')).toBe(300);
    expect(parseInterval(' 2H ')).toBe(7200);
    expect(parseInterval('1d')).toBe(86_400);
    expect(parseInterval('7d')).toBe(604_800);
  });

  it('refuses zero, more than 7 days, fractions, negatives and other units with INVALID_INTERVAL', () => {
    for (const bad of ['0', '0s', '8d', '604801', '1.5m', '-5s', '5w', 'soon', '', '1m30s', '9'.repeat(100)]) {
      expect(() => parseInterval(bad)).toThrow(ApiError);
      try {
        parseInterval(bad);
      } catch (e) {
        expect((e as ApiError).code).toBe('INVALID_INTERVAL');
      }
    }
  });
});

describe('formatInterval', () => {
  it('says an interval in its largest exact unit, and reads back the same', () => {
    expect([1, 45, 60, 90, 300, 3600, 5400, 86_400, 172_800].map(formatInterval)).toEqual(['1s', '45s', '1m', '90s', '5m', '1h', '90m', '1d', '2d']);
    for (const seconds of [1, 59, 61, 600, 7200, 604_800]) expect(parseInterval(formatInterval(seconds))).toBe(seconds);
  });
});
