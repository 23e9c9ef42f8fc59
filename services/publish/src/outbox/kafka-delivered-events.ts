import { randomUUID } from 'node:crypto';
import { Header } from '@copydesk/contracts';
import { headerMap, KafkaClient } from '@copydesk/kafka';
import { DeliveredEvents } from './delivered-events';

export class TailReadTimeoutError extends Error {
  constructor(topic: string, ms: number) {
    super(`reading the tail of ${topic} took more than ${ms} ms`);
    this.name = 'TailReadTimeoutError';
  }
}

/**
 * Reads the tail of each partition with a throw-away consumer group and collects the
 * `ce_id` headers it finds. Used only when the outbox holds records a relay may already
 * have sent (after a crash or a failed send), so its cost is paid rarely.
 */
export class KafkaDeliveredEvents implements DeliveredEvents {
  constructor(
    private readonly kafka: KafkaClient,
    private readonly timeoutMs = 30_000,
  ) {}

  async find(topic: string, eventIds: ReadonlySet<string>, depth: number): Promise<Set<string>> {
    const found = new Set<string>();
    if (eventIds.size === 0 || depth <= 0) return found;
    const admin = this.kafka.admin();
    await admin.connect();
    let offsets: { partition: number; low: string; high: string }[];
    try {
      offsets = await admin.fetchTopicOffsets(topic);
    } finally {
      await admin.disconnect();
    }
    const ends = new Map<number, bigint>();
    const starts = new Map<number, bigint>();
    for (const o of offsets) {
      const low = BigInt(o.low);
      const high = BigInt(o.high);
      if (high <= low) continue;
      ends.set(o.partition, high);
      starts.set(o.partition, high - BigInt(depth) > low ? high - BigInt(depth) : low);
    }
    if (ends.size === 0) return found;

    const consumer = this.kafka.consumer({ groupId: `copydesk-publish-relay-check-${randomUUID()}`, allowAutoTopicCreation: false });
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let timer: NodeJS.Timeout | undefined;
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const end = ends.get(partition);
          if (end === undefined) return;
          const id = headerMap(message.headers as Record<string, unknown>)[Header.CeId];
          if (id && eventIds.has(id)) found.add(id);
          if (BigInt(message.offset) + 1n >= end) {
            ends.delete(partition);
            if (ends.size === 0) finish();
          }
        },
      });
      for (const [partition, start] of starts) consumer.seek({ topic, partition, offset: start.toString() });
      await Promise.race([
        finished,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new TailReadTimeoutError(topic, this.timeoutMs)), this.timeoutMs);
        }),
      ]);
      return found;
    } finally {
      if (timer) clearTimeout(timer);
      await consumer.disconnect();
    }
  }
}
