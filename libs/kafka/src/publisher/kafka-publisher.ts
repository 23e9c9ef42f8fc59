import { CompressionTypes, Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { OutgoingMessage } from '../message';

interface Pending {
  messages: OutgoingMessage[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

export interface PublisherOptions {
  /** Most messages in one produce request. */
  maxBatchMessages?: number;
  compression?: 'none' | 'gzip';
}

/**
 * Awaited publishing on kafkajs' idempotent producer (acks = all).
 *
 * kafkajs has no linger setting and allows one request in flight with idempotence, so calls
 * that arrive while a request is in flight are gathered and sent together in the next
 * request: batches form by themselves under load, and a lone call goes out at once.
 * `publish` resolves only after the broker acknowledged every message it was given.
 */
export class KafkaPublisher {
  private readonly producer: Producer;
  private queue: Pending[] = [];
  private flushing = false;
  private connected = false;
  private readonly maxBatch: number;
  private readonly compression: CompressionTypes;

  constructor(kafka: Kafka, options: PublisherOptions = {}) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.maxBatch = options.maxBatchMessages ?? 500;
    this.compression = options.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setTimeout(r, 10));
    this.connected = false;
    await this.producer.disconnect();
  }

  isConnected(): boolean {
    return this.connected;
  }

  publish(messages: OutgoingMessage | OutgoingMessage[]): Promise<void> {
    const list = Array.isArray(messages) ? messages : [messages];
    if (list.length === 0) return Promise.resolve();
    if (!this.connected) return Promise.reject(new Error('publisher is not connected'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ messages: list, resolve, reject });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch: Pending[] = [];
        let count = 0;
        while (this.queue.length > 0 && (batch.length === 0 || count + this.queue[0].messages.length <= this.maxBatch)) {
          const next = this.queue.shift() as Pending;
          batch.push(next);
          count += next.messages.length;
        }
        try {
          await this.send(batch.flatMap((p) => p.messages));
          batch.forEach((p) => p.resolve());
        } catch (e) {
          batch.forEach((p) => p.reject(e));
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async send(messages: OutgoingMessage[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const m of messages) {
      const list = byTopic.get(m.topic) ?? [];
      list.push({ key: m.key, value: m.value, headers: m.headers });
      byTopic.set(m.topic, list);
    }
    await this.producer.sendBatch({
      acks: -1,
      compression: this.compression,
      topicMessages: [...byTopic.entries()].map(([topic, msgs]) => ({ topic, messages: msgs })),
    });
  }
}
