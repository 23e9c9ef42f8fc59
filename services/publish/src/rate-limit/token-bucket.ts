/** How a bucket refills: `burst` tokens at most, `perSecond` tokens a second. */
export interface BucketLimits {
  burst: number;
  perSecond: number;
}

export type Take = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

/**
 * A token bucket: each request takes a token; tokens come back at `perSecond`, up to `burst`.
 * Pure: the caller passes the time (ms), so it is testable without waiting.
 */
export class TokenBucket {
  private tokens: number;

  constructor(
    private readonly limits: BucketLimits,
    private at: number,
  ) {
    this.tokens = limits.burst;
  }

  take(now: number): Take {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true, remaining: Math.floor(this.tokens) };
    }
    return { allowed: false, retryAfterMs: Math.ceil(((1 - this.tokens) / this.limits.perSecond) * 1000) };
  }

  private refill(now: number): void {
    if (now > this.at) this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.at) / 1000) * this.limits.perSecond);
    this.at = Math.max(this.at, now);
  }
}
