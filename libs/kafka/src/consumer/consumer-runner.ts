import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload } from 'kafkajs';
import { KafkaConnection } from '../connection/kafka-connection';
import { clientOf } from '../connection/kafkajs-client';
import { buildDeadLetter } from '../dlq/dead-letter';
import { describeFailure } from '../errors/handler-errors';
import { InboundMessage } from '../message';
import { toInbound } from './inbound';
import { KafkaPublisher } from '../publisher/kafka-publisher';
import { DEFAULT_RETRY, retryDelay, RetryPolicy } from './retry-policy';

export type MessageHandler = (message: InboundMessage) => Promise<void>;
export type BatchHandler = (messages: InboundMessage[]) => Promise<void>;

export interface ConsumerRunnerOptions {
  groupId: string;
  topics: string[];
  /** Stage name written on dead letters: "normalise", "dedupe"... */
  stage: string;
  handler: MessageHandler;
  /**
   * For the topics in `batchTopics`: takes up to `maxBatchSize` consecutive messages of one
   * partition at once (one database transaction for all, say). When a batch fails, its
   * messages are retried one by one through `handler`, so one bad message is dead-lettered
   * alone and the others go through.
   */
  batchHandler?: BatchHandler;
  batchTopics?: string[];
  maxBatchSize?: number;
  /** Where dead letters are published (awaited before the offset moves on). */
  deadLetters: KafkaPublisher;
  retry?: RetryPolicy;
  /** Partitions processed at once; messages within a partition are always in order. */
  partitionsConsumedConcurrently?: number;
  fromBeginning?: boolean;
  sessionTimeout?: number;
  maxBytesPerPartition?: number;
}

/**
 * Consumes with the client's batch API and gives each message to one handler, in order per
 * partition. An offset is resolved only after its handler finished or its dead letter was
 * acknowledged, and only resolved offsets are committed, so a crash or a rebalance replays
 * unfinished messages and never skips one. Failures are retried a bounded number of times
 * (permanent ones not at all), then dead-lettered; the runner carries on with the next.
 */
export class ConsumerRunner {
  private readonly consumer: Consumer;
  private readonly logger: Logger;
  private readonly retry: RetryPolicy;
  private connected = false;
  private stopping = false;

  constructor(
    connection: KafkaConnection,
    private readonly options: ConsumerRunnerOptions,
  ) {
    this.consumer = clientOf(connection).consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: options.sessionTimeout ?? 30000,
      heartbeatInterval: 3000,
      maxBytesPerPartition: options.maxBytesPerPartition ?? 4 * 1024 * 1024,
      maxBytes: 64 * 1024 * 1024,
      retry: { retries: 10 },
    });
    this.logger = new Logger(`ConsumerRunner:${options.stage}`);
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  async start(): Promise<void> {
    this.connected = true;
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: true,
      autoCommitInterval: 2000,
      autoCommitThreshold: 200,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.eachBatch(payload),
    });
    this.logger.log({ msg: 'consuming', groupId: this.options.groupId, topics: this.options.topics.join(',') });
  }

  /**
   * Finishes the message in hand, commits what finished, leaves the group. Also works while
   * `start` is still joining the group, so a shutdown during start-up does not hang.
   */
  async stop(): Promise<void> {
    if (!this.connected) return;
    this.stopping = true;
    this.connected = false;
    await this.consumer.disconnect();
    this.logger.log({ msg: 'stopped consuming', groupId: this.options.groupId });
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    if (this.options.batchHandler && this.options.batchTopics?.includes(payload.batch.topic)) return this.inChunks(payload);
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    for (const raw of batch.messages) {
      if (!isRunning() || isStale() || this.stopping) break;
      const message = toInbound(batch.topic, batch.partition, raw);
      const done = await this.process(message, heartbeat);
      if (!done) break;
      resolveOffset(raw.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  private async inChunks(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const size = this.options.maxBatchSize ?? 200;
    for (let i = 0; i < batch.messages.length; i += size) {
      if (!isRunning() || isStale() || this.stopping) break;
      const chunk = batch.messages.slice(i, i + size);
      const messages = chunk.map((m) => toInbound(batch.topic, batch.partition, m));
      if (!(await this.processChunk(messages, heartbeat))) break;
      resolveOffset(chunk[chunk.length - 1].offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /** The whole chunk at once; after a failure, one message at a time (retries and dead letters apply). */
  private async processChunk(messages: InboundMessage[], heartbeat: () => Promise<void>): Promise<boolean> {
    try {
      await (this.options.batchHandler as BatchHandler)(messages);
      return true;
    } catch (error) {
      const failure = describeFailure(error);
      this.logger.warn({ msg: 'batch failed, taking its messages one by one', size: messages.length, code: failure.code, error: failure.message });
    }
    for (const message of messages) {
      if (!(await this.process(message, heartbeat))) return false;
    }
    return true;
  }

  /** Returns false when processing was abandoned because the consumer is stopping. */
  private async process(message: InboundMessage, heartbeat: () => Promise<void>): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handler(message);
        return true;
      } catch (error) {
        const failure = describeFailure(error);
        const exhausted = failure.permanent || attempt >= this.retry.attempts;
        const fields = {
          topic: message.topic,
          partition: message.partition,
          offset: message.offset,
          attempt,
          code: failure.code,
          error: failure.message,
        };
        if (exhausted) {
          this.logger.warn({ msg: 'dead-lettering message', ...fields });
          // If this publish fails, the error propagates, nothing is resolved, and kafkajs
          // restarts the batch from the last committed offset: nothing is lost.
          await this.options.deadLetters.publish(buildDeadLetter(this.options.stage, message, failure, attempt));
          return true;
        }
        this.logger.warn({ msg: 'handler failed, will retry', ...fields });
        if (this.stopping) return false;
        await sleepWithHeartbeat(retryDelay(this.retry, attempt + 1), heartbeat);
        if (this.stopping) return false;
      }
    }
  }
}


async function sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, Math.min(1000, end - Date.now())));
    await heartbeat().catch(() => undefined);
  }
}
