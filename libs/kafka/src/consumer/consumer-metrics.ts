import { counter, gauge, histogram, MetricFamilies, secondsSince } from '@copydesk/observability';

/** Every topic's handles ever made in this process (bounded: groups × topics), whose finished messages the scrape adds up. */
const everyTopic = new Set<TopicConsumerMetrics>();
/**
 * Finished messages are added to a plain number per topic and handed to the counter when it is
 * scraped: a prom-client `inc` builds its label key each call, and this one is made for every
 * message.
 */
const messages = counter(MetricFamilies.consumerMessages, () => everyTopic.forEach((t) => t.flushFinished()));
const handlerDurations = histogram(MetricFamilies.consumerHandlerDuration);
const batchDurations = histogram(MetricFamilies.consumerBatchDuration);
const batchSizes = histogram(MetricFamilies.consumerBatchMessages);
const retries = counter(MetricFamilies.consumerRetries);
const deadLetters = counter(MetricFamilies.consumerDeadLetters);

/** Where a consumer stands on one partition: what it finished last, and the head at the last fetch. */
export class PartitionPosition {
  /** Offset of the last message finished (handled or dead-lettered); null before the first. */
  offset: string | null = null;
  /** The partition's high watermark (the next offset to be written) when the batch was fetched. */
  highWatermark = '0';
  /** Timestamp (ms since the epoch, as the broker gives it) of the last message finished. */
  timestamp = '0';

  constructor(
    readonly topic: string,
    readonly partition: number,
  ) {}

  /** Updated in place as each message finishes: strings kept as the client gave them, parsed only at scrape time. */
  finished(offset: string, timestamp: string, highWatermark: string): void {
    this.offset = offset;
    this.timestamp = timestamp;
    this.highWatermark = highWatermark;
  }
}

/**
 * The lag of a partition from a position: messages behind the last one finished, and how far
 * behind in time that is — the age of the last message finished while later ones wait, 0 once
 * caught up (nothing waits, however old the last message). Pure, for the scrape.
 */
export function consumerLag(p: Pick<PartitionPosition, 'offset' | 'highWatermark' | 'timestamp'>, nowMs: number): { messages: number; seconds: number } {
  if (p.offset === null) return { messages: 0, seconds: 0 };
  const behind = Number(p.highWatermark) - Number(p.offset) - 1;
  const messages = Number.isFinite(behind) && behind > 0 ? behind : 0;
  if (messages === 0) return { messages, seconds: 0 };
  const written = Number(p.timestamp);
  return { messages, seconds: Number.isFinite(written) ? Math.max(0, (nowMs - written) / 1000) : 0 };
}

/** The consumers of this process whose lag the scrape reports. */
const live = new Set<ConsumerMetrics>();

function collectLag(which: 'messages' | 'seconds') {
  return (g: { reset(): void; set(labels: Record<string, string>, value: number): void }) => {
    g.reset();
    const now = Date.now();
    for (const consumer of live) {
      for (const p of consumer.positions()) {
        g.set({ group: consumer.group, topic: p.topic, partition: String(p.partition) }, consumerLag(p, now)[which]);
      }
    }
  };
}
gauge(MetricFamilies.consumerLagMessages, collectLag('messages'));
gauge(MetricFamilies.consumerLagSeconds, collectLag('seconds'));

/** One topic's handles for one group, made once: observing costs no allocation. */
export class TopicConsumerMetrics {
  private readonly finished: { inc(n: number): void };
  private unflushed = 0;
  private readonly handler: { observe(v: number): void };
  private readonly batch: { observe(v: number): void };
  private readonly size: { observe(v: number): void };

  constructor(
    private readonly group: string,
    private readonly topic: string,
  ) {
    this.finished = messages.labels(group, topic);
    this.handler = handlerDurations.labels(group, topic);
    this.batch = batchDurations.labels(group, topic);
    this.size = batchSizes.labels(group, topic);
    everyTopic.add(this);
  }

  /** One handler call that started at `startMs` (`performance.now()`) ended, well or not. */
  handled(startMs: number): void {
    this.handler.observe(secondsSince(startMs));
  }

  /** `count` messages were finished and their offsets resolved. */
  finishedMessages(count: number): void {
    this.unflushed += count;
  }

  /** Hands the messages finished since the last scrape to the counter. */
  flushFinished(): void {
    if (this.unflushed === 0) return;
    this.finished.inc(this.unflushed);
    this.unflushed = 0;
  }

  /** A batch of `count` messages that started at `startMs` was worked through. */
  batchDone(count: number, startMs: number): void {
    if (count === 0) return;
    this.size.observe(count);
    this.batch.observe(secondsSince(startMs));
  }

  retried(kind: string): void {
    retries.inc({ group: this.group, topic: this.topic, kind });
  }

  deadLettered(code: string): void {
    deadLetters.inc({ group: this.group, topic: this.topic, code });
  }
}

/**
 * A consumer runner's metrics: per-topic handles, and its position on each partition it owns,
 * which the scrape turns into lag (`consumerLag`). A partition handed to another member at a
 * rebalance is dropped, so two members never both report it.
 */
export class ConsumerMetrics {
  private readonly topics = new Map<string, TopicConsumerMetrics>();
  private readonly owned = new Map<string, PartitionPosition>();

  constructor(readonly group: string) {}

  /** Reports lag from now on. */
  open(): void {
    live.add(this);
  }

  /** Stops reporting lag (the consumer stopped); the counters stay, as counters do. */
  close(): void {
    live.delete(this);
    this.owned.clear();
  }

  topic(topic: string): TopicConsumerMetrics {
    let t = this.topics.get(topic);
    if (!t) this.topics.set(topic, (t = new TopicConsumerMetrics(this.group, topic)));
    return t;
  }

  /** The position object of a partition, to update in place as its messages finish. */
  partition(topic: string, partition: number): PartitionPosition {
    const key = `${topic}\u0000${partition}`;
    let p = this.owned.get(key);
    if (!p) this.owned.set(key, (p = new PartitionPosition(topic, partition)));
    return p;
  }

  /** The member's assignment after it joined the group: partitions it no longer owns are dropped. */
  assigned(assignment: Record<string, number[]>): void {
    for (const [key, p] of this.owned) {
      if (!assignment[p.topic]?.includes(p.partition)) this.owned.delete(key);
    }
  }

  positions(): IterableIterator<PartitionPosition> {
    return this.owned.values();
  }
}
