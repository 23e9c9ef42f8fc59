import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Clock } from '../clock/clock';
import { PublishConfig } from '../config/publish.config';
import { Reader } from '../consumers/reader';
import { BucketLimits, Take, TokenBucket } from './token-bucket';

/** How many buckets are kept at most (consumers and client addresses together). */
const BUCKETS = 100_000;

/**
 * One token bucket per consumer key, and one per client address for public reading, in this
 * process: with several instances, each allows its own rate. A bucket left alone until it is
 * full again is dropped (a fresh one is the same), so the map stays small; at most BUCKETS are
 * kept, the least recently used going first.
 */
@Injectable()
export class RateLimiter {
  private readonly consumerLimits: BucketLimits;
  private readonly publicLimits: BucketLimits;
  private readonly buckets = new LRUCache<string, TokenBucket>({ max: BUCKETS });

  constructor(
    config: PublishConfig,
    private readonly clock: Clock,
  ) {
    this.consumerLimits = { burst: config.PUBLISH_RATE_LIMIT_BURST, perSecond: config.PUBLISH_RATE_LIMIT_PER_S };
    this.publicLimits = { burst: config.PUBLISH_PUBLIC_RATE_LIMIT_BURST, perSecond: config.PUBLISH_PUBLIC_RATE_LIMIT_PER_S };
  }

  /** Takes a token from the reader's bucket. */
  take(reader: Reader): Take {
    const [key, limits] = reader.consumer ? [`consumer:${reader.consumer.id}`, this.consumerLimits] : [`address:${reader.address}`, this.publicLimits];
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(key) ?? new TokenBucket(limits, now);
    const taken = bucket.take(now);
    this.buckets.set(key, bucket, { ttl: Math.ceil((limits.burst / limits.perSecond) * 1000) });
    return taken;
  }
}
