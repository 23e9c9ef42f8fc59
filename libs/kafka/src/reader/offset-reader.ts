import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { KafkaAdmin } from '../admin/kafka-admin';
import { KafkaConnection } from '../connection/kafka-connection';
import { clientOf } from '../connection/kafkajs-client';
import { toInbound } from '../consumer/inbound';
import { InboundMessage } from '../message';

/** Where to read: up to `limit` messages of one partition from `offset` on. */
export interface ReadRequest {
  topic: string;
  partition: number;
  offset: string;
  limit: number;
}

/**
 * Reads messages at given offsets — the message at a group's committed offset (how old the
 * oldest unconsumed message is), a page of a partition for an operator — through a
 * throw-away consumer group that is deleted afterwards. Partitions that were not asked for
 * are moved to their end, so nothing else is fetched.
 */
export class OffsetReader {
  private readonly logger = new Logger(OffsetReader.name);

  constructor(
    private readonly connection: KafkaConnection,
    private readonly admin: KafkaAdmin,
    private readonly timeoutMs = 10_000,
  ) {}

  /** The messages read for each request, in offset order, keyed `topic/partition`; a request past the end reads nothing. */
  async read(requests: readonly ReadRequest[]): Promise<Map<string, InboundMessage[]>> {
    const out = new Map<string, InboundMessage[]>();
    const wanted = new Map<string, { start: bigint; end: bigint; limit: number }>();
    const topics = [...new Set(requests.map((r) => r.topic))];
    const seeks: { topic: string; partition: number; offset: string }[] = [];
    for (const topic of topics) {
      for (const o of await this.admin.topicOffsets(topic)) {
        const key = `${topic}/${o.partition}`;
        const request = requests.find((r) => r.topic === topic && r.partition === o.partition);
        const low = BigInt(o.low);
        const high = BigInt(o.high);
        const start = request ? maxOf(low, BigInt(request.offset)) : high;
        if (request && start < high && request.limit > 0) {
          wanted.set(key, { start, end: minOf(high, start + BigInt(request.limit)), limit: request.limit });
          out.set(key, []);
          seeks.push({ topic, partition: o.partition, offset: start.toString() });
        } else {
          if (request) out.set(key, []);
          seeks.push({ topic, partition: o.partition, offset: o.high });
        }
      }
    }
    if (wanted.size === 0) return out;

    const groupId = `${this.connection.clientId}-read-${randomUUID()}`;
    const consumer = clientOf(this.connection).consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let timer: NodeJS.Timeout | undefined;
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: false });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          const key = `${topic}/${partition}`;
          const w = wanted.get(key);
          if (!w) return;
          const offset = BigInt(message.offset);
          if (offset >= w.start && offset < w.end) out.get(key)?.push(toInbound(topic, partition, message));
          if (offset + 1n >= w.end) {
            wanted.delete(key);
            if (wanted.size === 0) finish();
          }
        },
      });
      for (const s of seeks) consumer.seek(s);
      await Promise.race([
        finished,
        new Promise<void>((resolve) => {
          // A partition whose messages were compacted or deleted meanwhile may never reach its end: give back what was read.
          timer = setTimeout(resolve, this.timeoutMs);
        }),
      ]);
      return out;
    } finally {
      if (timer) clearTimeout(timer);
      await consumer.disconnect();
      await this.admin.deleteGroups([groupId]).catch((e: unknown) => this.logger.debug({ msg: 'could not delete the read group', groupId, err: e }));
    }
  }
}

function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
