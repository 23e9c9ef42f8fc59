import { randomUUID } from 'node:crypto';
import { InboundMessage, KafkaConnection, subscribe, Subscription } from '../src';

/** Collects a topic's messages from the beginning, for tests against the real broker. */
export class TopicReader {
  readonly messages: InboundMessage[] = [];
  private subscription: Subscription | undefined;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly topic: string,
  ) {}

  async start(): Promise<this> {
    this.subscription = subscribe(this.connection, { topics: [this.topic], groupId: `reader-${randomUUID()}`, fromBeginning: true }, (m) => {
      this.messages.push(m);
    });
    await this.subscription.ready;
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
    await this.subscription?.close();
  }
}
