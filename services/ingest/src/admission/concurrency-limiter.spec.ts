import { ConcurrencyLimiter } from './concurrency-limiter';

describe('ConcurrencyLimiter', () => {
  it('admits up to its limit, refuses past it, and takes one back per release however often it is called', () => {
    const limiter = new ConcurrencyLimiter(2);
    const a = limiter.tryAcquire();
    const b = limiter.tryAcquire();
    expect(a && b).toBeTruthy();
    expect(limiter.tryAcquire()).toBeNull();
    a?.();
    a?.();
    expect(limiter.inFlight).toBe(1);
    expect(limiter.tryAcquire()).not.toBeNull();
    expect(limiter.tryAcquire()).toBeNull();
  });
});
