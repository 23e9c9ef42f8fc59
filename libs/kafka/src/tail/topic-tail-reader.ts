import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { KafkaAdmin } from '../admin/kafka-admin';
import { KafkaConnection } from '../connection/kafka-connection';
import { clientOf } from '../connection/kafkajs-client';
import { headerMap } from '../message';

export class TailReadTimeoutError extends Error {
  constructor(topic: string, ms: number) {
    super(`reading the tail of ${topic} took more than ${ms} ms`);
    this.name = 'TailReadTimeoutError';
  }
}

/**
 * Reads the last messages of every partition of a topic and reports which of the given
 * header values it saw: how an outbox learns, after a crash, which of the messages it may
 * have sent already reached the topic. The read uses a throw-away consumer group that is
 * deleted afterwards, so operators do not find it lingering among the groups.
 */
export class TopicTailReader {
  private readonly logger = new Logger(TopicTailReader.name);
  private readonly admin: KafkaAdmin;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly timeoutMs = 30_000,
  ) {
    this.admin = new KafkaAdmin(connection);
  }

  /** The values among `values` that header `header` has in the last `depth` messages of each partition of `topic`. */
  async find(topic: string, header: string, values: ReadonlySet<string>, depth: number): Promise<Set<string>> {
    const found = new Set<string>();
    if (values.size === 0 || depth <= 0) return found;
    const offsets = await this.admin.topicOffsets(topic);
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

    const groupId = `${this.connection.clientId}-tail-${randomUUID()}`;
    const consumer = clientOf(this.connection).consumer({ groupId, allowAutoTopicCreation: false });
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
          const value = headerMap(message.headers as Record<string, unknown>)[header];
          if (value !== undefined && values.has(value)) found.add(value);
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
      await this.admin.deleteGroups([groupId]).catch((e: unknown) => this.logger.debug({ msg: 'could not delete the tail-read group', groupId, err: e }));
    }
  }

  close(): Promise<void> {
    return this.admin.close();
  }
}
