import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { headerMap, InboundMessage } from '../message';

/** Collects a topic's messages from the beginning, for tests against the real broker. */
export class TopicReader {
  readonly messages: InboundMessage[] = [];
  private readonly consumer;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
  ) {
    this.consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  }

  async start(): Promise<this> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value,
          headers: headerMap(message.headers as Record<string, unknown>),
          timestamp: message.timestamp,
        });
      },
    });
    return this;
  }

  async waitFor(predicate: (m: InboundMessage) => boolean, count: number, deadlineMs = 30_000): Promise<InboundMessage[]> {
    const end = Date.now() + deadlineMs;
    for (;;) {
      const found = this.messages.filter(predicate);
      if (found.length >= count) return found;
      if (Date.now() > end) throw new Error(`expected ${count} messages on ${this.topic}, saw ${found.length}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
