import { SourceRateLimiter } from './source-rate-limiter';

describe('SourceRateLimiter', () => {
  it('lets a source burst, then refuses it with the seconds until its next token, and refills at the rate', () => {
    let now = 0;
    const limiter = new SourceRateLimiter({ perMinute: 60, burst: 2 }, () => now);
    expect(limiter.take('reuters')).toEqual({ allowed: true });
    expect(limiter.take('reuters')).toEqual({ allowed: true });
    expect(limiter.take('reuters')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 500;
    expect(limiter.take('reuters')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 500;
    expect(limiter.take('reuters')).toEqual({ allowed: true });
    now += 60_000;
    expect([limiter.take('reuters'), limiter.take('reuters'), limiter.take('reuters')].map((d) => d.allowed)).toEqual([true, true, false]);
  });

  it('keeps one bucket per source', () => {
    const limiter = new SourceRateLimiter({ perMinute: 1, burst: 1 }, () => 0);
    expect(limiter.take('reuters')).toEqual({ allowed: true });
    expect(limiter.take('reuters')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take('afp')).toEqual({ allowed: true });
  });
});
