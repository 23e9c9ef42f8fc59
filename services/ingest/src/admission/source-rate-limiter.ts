export interface RateLimit {
  /** Requests a source may make per minute, sustained. */
  perMinute: number;
  /** Requests it may make at once after a quiet spell: the size of its bucket. */
  burst: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per source: full (`burst` tokens) at first, one token per request, refilled at
 * `perMinute` a minute. Only authenticated sources get a bucket, so there are as many as
 * there are sources.
 */
export class SourceRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limit.perMinute / 60_000;
  }

  take(sourceId: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(sourceId) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(sourceId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }
}
