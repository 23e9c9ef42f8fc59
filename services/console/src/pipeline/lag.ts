import { CommittedOffset, PartitionOffsets } from '@copydesk/kafka';

export interface PartitionLag {
  partition: number;
  /** The group's committed offset; null when it has committed nothing. */
  committed: string | null;
  low: string;
  high: string;
  /** Messages not yet consumed. */
  lag: number;
  /** Where the oldest unconsumed message is. */
  next: string;
}

/** Lag per partition: a group that committed nothing for a partition has all of it ahead. */
export function partitionLags(offsets: readonly PartitionOffsets[], committed: readonly CommittedOffset[], topic: string): PartitionLag[] {
  return offsets.map((o) => {
    const c = committed.find((x) => x.topic === topic && x.partition === o.partition);
    const has = c !== undefined && c.offset !== '-1' && c.offset !== '';
    const low = BigInt(o.low);
    const high = BigInt(o.high);
    let next = has ? BigInt(c.offset) : low;
    if (next < low) next = low;
    const lag = high > next ? Number(high - next) : 0;
    return { partition: o.partition, committed: has ? c.offset : null, low: o.low, high: o.high, lag, next: next.toString() };
  });
}

/** Messages consumed so far, summed over partitions (for rates). */
export function consumedTotal(lags: readonly PartitionLag[]): number {
  return lags.reduce((n, l) => n + (l.committed === null ? 0 : Number(l.committed)), 0);
}

export function producedTotal(offsets: readonly PartitionOffsets[]): number {
  return offsets.reduce((n, o) => n + Number(o.high), 0);
}

/** Messages a second between two counts, never negative (a reset moves a count back). */
export function ratePerSecond(before: { at: number; count: number } | undefined, now: { at: number; count: number }): number {
  if (!before || now.at <= before.at) return 0;
  return Math.max(0, (now.count - before.count) / ((now.at - before.at) / 1000));
}

export type Trend = 'rising' | 'falling' | 'steady';

export function trendOf(before: number | null | undefined, now: number | null): Trend {
  if (before === null || before === undefined || now === null) return 'steady';
  if (now > before) return 'rising';
  if (now < before) return 'falling';
  return 'steady';
}
