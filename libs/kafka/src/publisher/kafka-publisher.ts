import { CompressionTypes, Message, Partitioners, Producer } from 'kafkajs';
import { CoalescingWriter } from '@copydesk/batching';
import { TOPICS } from '@copydesk/contracts';
import { PermanentError } from '../errors/handler-errors';
import { KafkaConnection } from '../connection/kafka-connection';
import { clientOf } from '../connection/kafkajs-client';
import { OutgoingMessage } from '../message';

export interface PublisherOptions {
  /** Most messages in one produce request. */
  maxBatchMessages?: number;
  /**
   * Most bytes in one produce request (1 MiB by default). Requests are cut below it, so the
   * batch of one partition never passes the broker's limit; a message larger than this goes
   * in a request of its own.
   */
  maxRequestBytes?: number;
  /** The largest message a topic takes; by default its `max.message.bytes` in the contracts, else 1 MiB. */
  maxMessageBytes?: (topic: string) => number;
  compression?: 'none' | 'gzip';
}

const TOPIC_LIMITS = new Map(TOPICS.map((t) => [t.name as string, Number(t.config['max.message.bytes'] ?? 1024 * 1024)]));
/** Record and batch overhead the broker counts beside key, value and headers. */
const RECORD_OVERHEAD = 96;

/** The bytes a message takes in a produce request, near enough to keep below the broker's limits. */
export function messageBytes(m: OutgoingMessage): number {
  let n = RECORD_OVERHEAD + (m.key ? Buffer.byteLength(m.key) : 0);
  if (m.value) n += Buffer.isBuffer(m.value) ? m.value.length : Buffer.byteLength(m.value);
  for (const [k, v] of Object.entries(m.headers ?? {})) n += Buffer.byteLength(k) + Buffer.byteLength(v) + 8;
  return n;
}

/** The largest message `topic` takes, from its definition in the contracts (1 MiB for a topic not there). */
export function topicMessageLimit(topic: string): number {
  return TOPIC_LIMITS.get(topic) ?? 1024 * 1024;
}

/** Throws `MessageTooLargeError` for a message its topic would refuse: for stages to check what they make before they store it. */
export function assertWithinLimit(m: OutgoingMessage): void {
  const bytes = messageBytes(m);
  const limit = topicMessageLimit(m.topic);
  if (bytes > limit) throw new MessageTooLargeError(m.topic, bytes, limit);
}

/** A message its topic would refuse: a permanent error of the stage that made it, never a wedged sender. */
export class MessageTooLargeError extends PermanentError {
  constructor(topic: string, bytes: number, limit: number) {
    super('MESSAGE_TOO_LARGE', `a message of ${bytes} bytes is over the ${limit}-byte limit of ${topic}`, [{ topic, bytes, limit }]);
    this.name = 'MessageTooLargeError';
  }
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
  private readonly maxRequestBytes: number;
  private readonly maxMessageBytes: (topic: string) => number;

  constructor(connection: KafkaConnection, options: PublisherOptions = {}) {
    this.producer = clientOf(connection).producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.maxRequestBytes = options.maxRequestBytes ?? 1024 * 1024;
    this.maxMessageBytes = options.maxMessageBytes ?? topicMessageLimit;
    this.writer = new CoalescingWriter((messages) => this.send(messages), {
      maxRows: options.maxBatchMessages ?? 500,
      maxWeight: this.maxRequestBytes,
      weigh: messageBytes,
    });
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

  /**
   * Publishes and resolves once the broker acknowledged every message. A message over its
   * topic's limit is refused before anything is sent, with `MessageTooLargeError`.
   */
  async publish(messages: OutgoingMessage | OutgoingMessage[]): Promise<void> {
    const list = Array.isArray(messages) ? messages : [messages];
    if (list.length === 0) return;
    for (const m of list) {
      const bytes = messageBytes(m);
      const limit = this.maxMessageBytes(m.topic);
      if (bytes > limit) throw new MessageTooLargeError(m.topic, bytes, limit);
    }
    if (!this.connected) throw new Error('publisher is not connected');
    this.inFlight++;
    try {
      await this.writer.add(list);
    } finally {
      this.inFlight--;
    }
  }

  /** One produce request per slice below `maxRequestBytes`, in order. */
  private async send(messages: OutgoingMessage[]): Promise<void> {
    let slice: OutgoingMessage[] = [];
    let bytes = 0;
    for (const m of messages) {
      const b = messageBytes(m);
      if (slice.length > 0 && bytes + b > this.maxRequestBytes) {
        await this.sendRequest(slice);
        slice = [];
        bytes = 0;
      }
      slice.push(m);
      bytes += b;
    }
    if (slice.length > 0) await this.sendRequest(slice);
  }

  private async sendRequest(messages: OutgoingMessage[]): Promise<void> {
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
