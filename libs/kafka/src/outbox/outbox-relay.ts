import { Logger } from '@nestjs/common';
import { OutgoingMessage } from '../message';
import { KafkaPublisher } from '../publisher/kafka-publisher';

export interface OutboxRecord {
  id: string;
  message: OutgoingMessage;
}

/**
 * A table of messages written in the same database transaction as the state they announce.
 * The relay sends them in order and then marks them sent.
 */
export interface OutboxStore {
  /**
   * Runs `work` while holding the relay lock (one relay per outbox across instances);
   * returns false without running it when another instance holds the lock.
   */
  withRelayLock(work: () => Promise<void>): Promise<boolean>;
  /** The oldest unsent records, in write order. */
  nextBatch(limit: number): Promise<OutboxRecord[]>;
  markSent(ids: string[]): Promise<void>;
}

export interface OutboxRelayOptions {
  batchSize?: number;
  /** Poll interval for records left by a crash or written by another instance. */
  pollIntervalMs?: number;
}

/**
 * Hands outbox records to Kafka: at once after a commit (`kick`) and on a timer. A crash
 * between send and mark re-sends the record; the messages carry ids so readers can tell.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly store: OutboxStore,
    private readonly publisher: KafkaPublisher,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.pollIntervalMs);
    void this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Sends everything pending now; resolves when the outbox was drained (or another instance holds it). */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.kick();
      }
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      await this.store.withRelayLock(async () => {
        for (;;) {
          const batch = await this.store.nextBatch(this.batchSize);
          if (batch.length === 0) return;
          await this.publisher.publish(batch.map((r) => r.message));
          await this.store.markSent(batch.map((r) => r.id));
          if (batch.length < this.batchSize || this.stopped) return;
        }
      });
    } catch (e) {
      this.logger.warn({ msg: 'outbox relay failed, will retry', err: e });
    }
  }
}
