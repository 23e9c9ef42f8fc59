import { CompressionTypes, Message, Partitioners, Producer } from 'kafkajs';
import { CoalescingWriter } from '@copydesk/batching';
import { KafkaConnection } from '../connection/kafka-connection';
import { clientOf } from '../connection/kafkajs-client';
import { OutgoingMessage } from '../message';

export interface PublisherOptions {
  /** Most messages in one produce request. */
  maxBatchMessages?: number;
  compression?: 'none' | 'gzip';
}

/**
 * Awaited publishing on an idempotent producer (acks = all).
 *
 * kafkajs has no linger setting and allows one request in flight with idempotence, so calls
 * that arrive while a request is in flight are gathered and sent together in the next
 * request: batches form by themselves under load, and a lone call goes out at once.
 * `publish` resolves only after the broker acknowledged every message it was given.
 */
export class KafkaPublisher {
  private readonly producer: Producer;
  private readonly writer: CoalescingWriter<OutgoingMessage>;
  private connected = false;
  private inFlight = 0;
  private readonly compression: CompressionTypes;

  constructor(connection: KafkaConnection, options: PublisherOptions = {}) {
    this.producer = clientOf(connection).producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.writer = new CoalescingWriter((messages) => this.send(messages), options.maxBatchMessages ?? 500);
    this.compression = options.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    while (this.inFlight > 0) await new Promise((r) => setTimeout(r, 10));
    this.connected = false;
    await this.producer.disconnect();
  }

  isConnected(): boolean {
    return this.connected;
  }

  async publish(messages: OutgoingMessage | OutgoingMessage[]): Promise<void> {
    const list = Array.isArray(messages) ? messages : [messages];
    if (list.length === 0) return;
    if (!this.connected) throw new Error('publisher is not connected');
    this.inFlight++;
    try {
      await this.writer.add(list);
    } finally {
      this.inFlight--;
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
