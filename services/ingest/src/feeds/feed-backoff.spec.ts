import { nextPollDelaySeconds, retryAfterSeconds } from './feed-backoff';

describe('nextPollDelaySeconds', () => {
  it('waits the interval after a success', () => {
    expect(nextPollDelaySeconds(60, 0, 3600)).toBe(60);
  });

  it('doubles the interval per failure in a row, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50, 10_000].map((n) => nextPollDelaySeconds(60, n, 3600))).toEqual([120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600]);
    expect([1, 2, 3, 4].map((n) => nextPollDelaySeconds(1, n, 5))).toEqual([2, 4, 5, 5]);
  });

  it('never polls a failing feed more often than a healthy one, whatever the cap', () => {
    expect(nextPollDelaySeconds(86_400, 3, 3600)).toBe(86_400);
  });

  it("honours the server's Retry-After up to the cap, but never shortens the backoff", () => {
    expect(nextPollDelaySeconds(60, 1, 3600, 900)).toBe(900);
    expect(nextPollDelaySeconds(60, 1, 3600, 10)).toBe(120);
    expect(nextPollDelaySeconds(60, 1, 3600, 86_400)).toBe(3600);
  });
});

describe('retryAfterSeconds', () => {
  const now = new Date('2025-03-21T10:00:00Z');
  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Fri, 21 Mar 2025 10:05:00 GMT', now)).toBe(300);
    expect(retryAfterSeconds('Fri, 21 Mar 2025 09:00:00 GMT', now)).toBe(0);
  });
  it('gives undefined for none or nonsense', () => {
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    expect(retryAfterSeconds('', now)).toBeUndefined();
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds('-5', now)).toBeUndefined();
  });
});
