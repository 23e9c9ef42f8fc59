import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst, then one request per refill interval, and says how long to wait', () => {
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)].map((t) => t.allowed)).toEqual([true, true, true]);
    expect(bucket.take(0)).toEqual({ allowed: false, retryAfterMs: 500 });
    expect(bucket.take(200)).toEqual({ allowed: false, retryAfterMs: 300 });
    expect(bucket.take(500)).toEqual({ allowed: true, remaining: 0 });
    expect(bucket.take(500).allowed).toBe(false);
  });

  it('refills up to the burst and no further, however long it was idle', () => {
    const bucket = new TokenBucket({ burst: 2, perSecond: 10 }, 0);
    bucket.take(0);
    bucket.take(0);
    expect(bucket.take(3_600_000)).toEqual({ allowed: true, remaining: 1 });
    expect(bucket.take(3_600_000)).toEqual({ allowed: true, remaining: 0 });
    expect(bucket.take(3_600_000).allowed).toBe(false);
  });

  it('does not refill when the clock goes back', () => {
    const bucket = new TokenBucket({ burst: 1, perSecond: 1 }, 10_000);
    expect(bucket.take(10_000).allowed).toBe(true);
    expect(bucket.take(5_000).allowed).toBe(false);
    expect(bucket.take(10_999).allowed).toBe(false);
    expect(bucket.take(11_000).allowed).toBe(true);
  });
});
