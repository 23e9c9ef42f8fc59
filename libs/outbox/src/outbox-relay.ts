import { Logger } from '@nestjs/common';
import { describeFailure, KafkaPublisher, OutgoingMessage, startSendSpans } from '@copydesk/kafka';
import { outboxSent } from './outbox-metrics';
import { RelayFailure, relayProblem } from './relay-health';
import { OutboxRecord, OutboxSession, SqlOutboxStore } from './sql-outbox.store';

export interface OutboxRelayOptions {
  batchSize?: number;
  /** Poll interval: a safety net for a missed notification (the listener reconnecting, say). */
  pollIntervalMs?: number;
}

/** Longest a timer may wait (setTimeout's limit); a later due time is looked at again then. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Hands outbox records to Kafka, in write order, each exactly once (see `SqlOutboxStore`).
 * It is woken when a writer commits (PostgreSQL NOTIFY, from any instance), when the next held
 * record falls due, and on a slow poll; wake-ups that arrive while it is sending coalesce into
 * one more pass.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private dueTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private unlisten: (() => Promise<void>) | undefined;
  private failure: RelayFailure | undefined;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly store: SqlOutboxStore,
    private readonly publisher: KafkaPublisher,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.unlisten = await this.store.listen(() => void this.kick());
    this.timer = setInterval(() => void this.kick(), this.pollIntervalMs);
    void this.kick();
  }

  /** Sends what the outbox still holds, then stops; a later write waits for the next start. */
  async drainAndStop(): Promise<void> {
    if (this.stopped) return;
    await this.kick();
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.wakeAt(null);
    await this.unlisten?.();
    this.unlisten = undefined;
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
      await this.store.withRelayLock(async (session) => {
        for (;;) {
          const batch = await session.nextBatch(this.batchSize);
          if (batch.length > 0) await this.send(session, batch);
          if (this.stopped) return;
          if (batch.length < this.batchSize) break;
        }
        this.wakeAt(await session.nextDueInMs());
      });
      this.failure = undefined;
    } catch (e) {
      this.failure = { since: this.failure?.since ?? new Date(), error: e instanceof Error ? e.message : String(e) };
      this.logger.warn({ msg: 'outbox relay failed, will retry', err: e });
    }
  }

  /**
   * A readiness check (`HealthCheck` of @copydesk/observability): down while the last pass failed
   * (the producer or the database), naming since when and why, so `/health/ready` says what is wrong.
   */
  healthCheck(): { name: string; check(): Promise<void> } {
    return {
      name: `producer (outbox relay, ${this.store.name})`,
      check: async () => {
        const problem = relayProblem(this.failure, new Date());
        if (problem) throw new Error(problem);
      },
    };
  }

  /** Sets the wake-up for the next held record (replacing the one before); null: none. */
  private wakeAt(dueInMs: number | null): void {
    if (this.dueTimer) clearTimeout(this.dueTimer);
    this.dueTimer = undefined;
    if (dueInMs === null || this.stopped) return;
    // A few ms late rather than early: the store compares with the database's clock.
    this.dueTimer = setTimeout(() => void this.kick(), Math.min(MAX_TIMER_MS, dueInMs + 20));
  }

  /**
   * Sends a batch and deletes its records. When the broker refuses the batch for what a
   * message holds (too large), the records go one at a time, and one refused alone is set
   * aside with the reason: a poison record never holds up the records behind it. Any other
   * failure (the broker is down) ends the pass; the records are tried again later.
   */
  private async send(session: OutboxSession, batch: OutboxRecord[]): Promise<void> {
    try {
      await this.publish(batch.map((r) => r.message));
      await session.markSent(batch.map((r) => r.id));
      outboxSent(this.store.name, batch.length);
      return;
    } catch (e) {
      if (describeFailure(e).kind !== 'permanent') throw e;
    }
    for (const record of batch) {
      try {
        await this.publish([record.message]);
        await session.markSent([record.id]);
        outboxSent(this.store.name, 1);
      } catch (e) {
        const failure = describeFailure(e);
        if (failure.kind !== 'permanent') throw e;
        await session.setAside(record.id, `${failure.code}: ${failure.message}`);
      }
    }
  }

  /**
   * Traced, each message gets a producer span in the trace its record was written in (the
   * stored `traceparent` header): the trace goes on from the transaction that wrote the record.
   */
  private async publish(messages: OutgoingMessage[]): Promise<void> {
    const spans = startSendSpans(messages);
    try {
      await this.publisher.publish(messages);
      spans.end();
    } catch (e) {
      spans.end(e);
      throw e;
    }
  }
}
