import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload } from 'kafkajs';
import { KafkaConnection } from '../connection/kafka-connection';
import { clientOf } from '../connection/kafkajs-client';
import { buildDeadLetter } from '../dlq/dead-letter';
import { describeFailure, FailureInfo } from '../errors/handler-errors';
import { InboundMessage } from '../message';
import { ConsumerMetrics } from './consumer-metrics';
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
   * partition at once (one database transaction for all, say). When a batch fails for a
   * reason other than a dependency, its messages are taken one by one through `handler`, so
   * one bad message is dead-lettered alone and the others go through.
   */
  batchHandler?: BatchHandler;
  batchTopics?: string[];
  maxBatchSize?: number;
  /** Where dead letters are published (awaited before the offset moves on). */
  deadLetters: KafkaPublisher;
  retry?: RetryPolicy;
  /**
   * Whether the stage's dependencies (database, broker) answer now. A failure of unknown kind
   * is dead-lettered only while they do; otherwise it is waited out like an outage.
   */
  dependenciesUp?: () => Promise<boolean>;
  /** Partitions processed at once; messages within a partition are always in order. */
  partitionsConsumedConcurrently?: number;
  fromBeginning?: boolean;
  sessionTimeout?: number;
  heartbeatInterval?: number;
  maxBytesPerPartition?: number;
}

/** What readiness reports about the consumer. */
export interface ConsumerStatus {
  state: 'starting' | 'running' | 'waiting' | 'crashed' | 'stopped';
  /** Why it waits (a dependency is down) or crashed. */
  reason?: string;
  /** Partitions waiting for a dependency: `topic/partition` → since (ISO). */
  waiting: Record<string, string>;
}

/** A heartbeat that failed (the group is rebalancing): the batch is given up at once and the error handed back to the client. */
class Abandoned extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
}

/**
 * Consumes with the client's batch API and gives each message to one handler, in order per
 * partition. An offset is resolved only after its handler finished or its dead letter was
 * acknowledged, and only resolved offsets are committed, so a crash or a rebalance replays
 * unfinished messages and never skips one.
 *
 * Failures (see `describeFailure`): a permanent one is dead-lettered at once and the runner
 * carries on; an infrastructure one holds the partition — the same message is tried again,
 * backing off (capped, with jitter) while heartbeating, and readiness reports the wait with
 * its reason — until the dependency is back, however long that takes; one of unknown kind
 * gets a few attempts and is then dead-lettered, if the dependencies answer.
 */
export class ConsumerRunner {
  private readonly consumer: Consumer;
  private readonly logger: Logger;
  private readonly retry: RetryPolicy;
  private readonly heartbeatEvery: number;
  private connected = false;
  private stopping = false;
  private state: ConsumerStatus['state'] = 'starting';
  private crashReason: string | undefined;
  private readonly waiting = new Map<string, { since: Date; reason: string }>();
  private readonly metrics: ConsumerMetrics;

  constructor(
    connection: KafkaConnection,
    private readonly options: ConsumerRunnerOptions,
  ) {
    const sessionTimeout = options.sessionTimeout ?? 10_000;
    this.heartbeatEvery = options.heartbeatInterval ?? Math.max(500, Math.floor(sessionTimeout / 6));
    this.consumer = clientOf(connection).consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout,
      rebalanceTimeout: Math.max(sessionTimeout, 30_000),
      heartbeatInterval: this.heartbeatEvery,
      maxBytesPerPartition: options.maxBytesPerPartition ?? 4 * 1024 * 1024,
      maxBytes: 64 * 1024 * 1024,
      retry: { retries: 10 },
    });
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      const { error, restart } = event.payload as { error: Error; restart: boolean };
      if (restart) {
        // Not ready until it has joined its group again: meanwhile nothing is consumed.
        this.state = 'starting';
        this.crashReason = `restarting after a crash: ${error?.message ?? 'unknown error'}`;
        this.logger.warn({ msg: 'consumer crashed, restarting', err: error });
        return;
      }
      this.state = 'crashed';
      this.crashReason = error?.message ?? 'the consumer crashed';
      this.logger.error({ msg: 'consumer crashed and will not restart', err: error });
    });
    this.metrics = new ConsumerMetrics(options.groupId);
    this.consumer.on(this.consumer.events.GROUP_JOIN, (event) => {
      this.metrics.assigned((event.payload as { memberAssignment: Record<string, number[]> }).memberAssignment);
      if (this.state === 'crashed') return;
      this.state = 'running';
      this.crashReason = undefined;
    });
    this.logger = new Logger(`ConsumerRunner:${options.stage}`);
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  async start(): Promise<void> {
    this.connected = true;
    this.metrics.open();
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
    if (this.state === 'starting') this.state = 'running';
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
    this.metrics.close();
    this.state = 'stopped';
    this.logger.log({ msg: 'stopped consuming', groupId: this.options.groupId });
  }

  status(): ConsumerStatus {
    const waiting = Object.fromEntries([...this.waiting].map(([k, v]) => [k, v.since.toISOString()]));
    if (this.state === 'crashed' || this.state === 'stopped' || this.state === 'starting') return { state: this.state, reason: this.crashReason, waiting };
    if (this.waiting.size > 0) {
      const [[where, first]] = [...this.waiting];
      return { state: 'waiting', reason: `${where}: ${first.reason}`, waiting };
    }
    return { state: 'running', waiting };
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    try {
      if (this.options.batchHandler && this.options.batchTopics?.includes(payload.batch.topic)) await this.inChunks(payload);
      else await this.oneByOne(payload);
    } catch (e) {
      // The client rejoins the group on a rebalance error; anything else it retries.
      throw e instanceof Abandoned ? e.original : e;
    } finally {
      this.waiting.delete(`${payload.batch.topic}/${payload.batch.partition}`);
    }
  }

  private async oneByOne(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const heartbeat = guardedHeartbeat(payload.heartbeat);
    const metrics = this.metrics.topic(batch.topic);
    const position = this.metrics.partition(batch.topic, batch.partition);
    const started = performance.now();
    let finished = 0;
    for (const raw of batch.messages) {
      if (!isRunning() || isStale() || this.stopping) break;
      const message = toInbound(batch.topic, batch.partition, raw);
      if (!(await this.process(message, payload))) break;
      resolveOffset(raw.offset);
      finished++;
      metrics.finishedMessages(1);
      position.finished(raw.offset, raw.timestamp, batch.highWatermark);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
    metrics.batchDone(finished, started);
  }

  private async inChunks(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const heartbeat = guardedHeartbeat(payload.heartbeat);
    const size = this.options.maxBatchSize ?? 200;
    const metrics = this.metrics.topic(batch.topic);
    const position = this.metrics.partition(batch.topic, batch.partition);
    for (let i = 0; i < batch.messages.length; i += size) {
      if (!isRunning() || isStale() || this.stopping) break;
      const started = performance.now();
      const chunk = batch.messages.slice(i, i + size);
      const messages = chunk.map((m) => toInbound(batch.topic, batch.partition, m));
      if (!(await this.processChunk(messages, payload))) break;
      const last = chunk[chunk.length - 1];
      resolveOffset(last.offset);
      metrics.finishedMessages(chunk.length);
      metrics.batchDone(chunk.length, started);
      position.finished(last.offset, last.timestamp, batch.highWatermark);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /**
   * The whole chunk at once. While a dependency is down the chunk waits and is tried again
   * whole; after any other failure its messages are taken one at a time.
   */
  private async processChunk(messages: InboundMessage[], payload: EachBatchPayload): Promise<boolean> {
    const where = `${messages[0].topic}/${messages[0].partition}`;
    const metrics = this.metrics.topic(messages[0].topic);
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        await whileHeartbeating(payload, this.heartbeatEvery, () => (this.options.batchHandler as BatchHandler)(messages));
        metrics.handled(started);
        this.waiting.delete(where);
        return true;
      } catch (error) {
        metrics.handled(started);
        if (error instanceof Abandoned) throw error;
        const failure = describeFailure(error);
        if (failure.kind !== 'infrastructure') {
          this.logger.warn({ msg: 'batch failed, taking its messages one by one', size: messages.length, code: failure.code, error: failure.message });
          break;
        }
        metrics.retried(failure.kind);
        if (!(await this.waitOut(where, failure, attempt, payload))) return false;
      }
    }
    for (const message of messages) {
      if (!(await this.process(message, payload))) return false;
    }
    return true;
  }

  /** Returns false when processing was abandoned: the consumer is stopping or the partition moved. */
  private async process(message: InboundMessage, payload: EachBatchPayload): Promise<boolean> {
    const where = `${message.topic}/${message.partition}`;
    const metrics = this.metrics.topic(message.topic);
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        await whileHeartbeating(payload, this.heartbeatEvery, () => this.options.handler(message));
        metrics.handled(started);
        this.waiting.delete(where);
        return true;
      } catch (error) {
        metrics.handled(started);
        if (error instanceof Abandoned) throw error;
        const failure = describeFailure(error);
        const fields = {
          topic: message.topic,
          partition: message.partition,
          offset: message.offset,
          attempt,
          kind: failure.kind,
          code: failure.code,
          error: failure.message,
        };
        const deadLetter = failure.kind === 'permanent' || (failure.kind === 'unknown' && attempt >= this.retry.attempts && (await this.dependenciesUp()));
        if (deadLetter) {
          this.logger.warn({ msg: 'dead-lettering message', ...fields });
          // If this publish fails, the error propagates, nothing is resolved, and the batch
          // starts again from the last committed offset: nothing is lost.
          await this.options.deadLetters.publish(buildDeadLetter(this.options.stage, message, failure, attempt));
          metrics.deadLettered(failure.code);
          this.waiting.delete(where);
          return true;
        }
        metrics.retried(failure.kind);
        if (failure.kind === 'unknown' && attempt < this.retry.attempts) {
          this.logger.warn({ msg: 'handler failed, will retry', ...fields });
          if (!(await this.pause(retryDelay(this.retry, attempt + 1), payload))) return false;
          continue;
        }
        if (!(await this.waitOut(where, failure, attempt, payload))) return false;
      }
    }
  }

  /** Holds the partition while a dependency is down: reported, logged, backed off, heartbeating. */
  private async waitOut(where: string, failure: FailureInfo, attempt: number, payload: EachBatchPayload): Promise<boolean> {
    if (!this.waiting.has(where)) {
      this.waiting.set(where, { since: new Date(), reason: `${failure.code}: ${failure.message}` });
      this.logger.warn({ msg: 'a dependency is down; holding the partition until it is back', where, code: failure.code, error: failure.message });
    } else if (attempt % 10 === 0) {
      this.logger.warn({ msg: 'still waiting for a dependency', where, attempt, code: failure.code, error: failure.message });
    }
    return this.pause(retryDelay(this.retry, attempt + 1), payload, true);
  }

  private async dependenciesUp(): Promise<boolean> {
    if (!this.options.dependenciesUp) return true;
    try {
      return await this.options.dependenciesUp();
    } catch {
      return false;
    }
  }

  /**
   * Waits `ms`, heartbeating every second; false if the consumer stops or the group rebalances
   * meanwhile. Waiting out a dependency, it also looks at the dependencies every second and ends
   * the wait once one that was seen down answers again: work resumes within a second of an
   * outage's end, not a whole back-off later.
   */
  private async pause(ms: number, payload: EachBatchPayload, untilBack = false): Promise<boolean> {
    const heartbeat = guardedHeartbeat(payload.heartbeat);
    const end = Date.now() + ms;
    let seenDown = false;
    while (Date.now() < end) {
      if (this.stopping || !payload.isRunning() || payload.isStale()) return false;
      await new Promise((r) => setTimeout(r, Math.min(1000, end - Date.now())));
      await heartbeat();
      if (untilBack && this.options.dependenciesUp) {
        const up = await this.dependenciesUp();
        if (!up) seenDown = true;
        else if (seenDown) break;
      }
    }
    return !this.stopping && payload.isRunning() && !payload.isStale();
  }
}

/**
 * A heartbeat whose failure is not swallowed: a rebalance (or a lost coordinator) ends the
 * batch at once, so the member can rejoin in time; the work resumes from the last commit.
 */
function guardedHeartbeat(heartbeat: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await heartbeat();
    } catch (e) {
      throw new Abandoned(e);
    }
  };
}

/**
 * Runs `work`, heartbeating every `every` ms meanwhile. The client heartbeats only between
 * messages, so a handler kept waiting longer than the session timeout (the first chunk of a
 * backlog on a cold start, a slow database) had its member evicted from the group and its
 * partitions' work redone after a rejoin. A heartbeat that fails meanwhile (the group is
 * rebalancing) ends the batch once the work is done, like one between messages.
 */
async function whileHeartbeating(payload: EachBatchPayload, every: number, work: () => Promise<void>): Promise<void> {
  let failure: { error: unknown } | undefined;
  const timer = setInterval(() => {
    if (failure === undefined && payload.isRunning() && !payload.isStale()) {
      payload.heartbeat().catch((error: unknown) => {
        failure ??= { error };
      });
    }
  }, every);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  if (failure !== undefined) throw new Abandoned(failure.error);
}
