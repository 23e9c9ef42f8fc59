import { Injectable, Logger } from '@nestjs/common';
import { ShutdownPhase, ShutdownSequence } from '@copydesk/observability';
import { SubmissionEntity } from '../database/submission.entity';
import { SubmissionsRepository } from './submissions.repository';

/** Most acceptances kept for a late write; past it the oldest is dropped (its key is taken over after a minute, safely). */
const MAX_PENDING = 10_000;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/**
 * Acceptances the database failed to record after the broker had acknowledged the copy. The
 * request answered 503; the copy is on `wire.raw.v1`. These are written again, with backoff,
 * until the database takes them, so a retry with the same Idempotency-Key is then answered
 * with the submission the broker holds (a retry that comes sooner is told the key is in
 * progress). One last attempt is made at shutdown.
 */
@Injectable()
export class LateAcceptances {
  private readonly logger = new Logger(LateAcceptances.name);
  /** By submission id: what is still to be written. */
  private readonly pending = new Map<string, SubmissionEntity>();
  private timer: NodeJS.Timeout | undefined;
  private delayMs = FIRST_DELAY_MS;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly submissions: SubmissionsRepository,
    shutdown: ShutdownSequence,
  ) {
    shutdown.register(ShutdownPhase.Relays, 'late acceptances', () => this.stop());
  }

  get size(): number {
    return this.pending.size;
  }

  /** Keeps an acceptance the database refused, to write it later. */
  add(submission: SubmissionEntity): void {
    this.pending.delete(submission.id);
    this.pending.set(submission.id, submission);
    if (this.pending.size > MAX_PENDING) {
      const [oldest] = this.pending.keys();
      this.pending.delete(oldest);
      this.logger.warn({ msg: 'late acceptance dropped', submissionId: oldest });
    }
    this.schedule();
  }

  /** Writes what is pending now; resolves when the attempt is over (what failed stays pending). */
  flush(): Promise<void> {
    this.flushing ??= this.writeAll().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async writeAll(): Promise<void> {
    for (const submission of [...this.pending.values()]) {
      try {
        if (submission.idempotencyKey) await this.submissions.accept(submission.id);
        else await this.submissions.insertAccepted(submission);
        this.pending.delete(submission.id);
        this.logger.log({ msg: 'late acceptance recorded', submissionId: submission.id });
      } catch (e) {
        this.logger.warn({ msg: 'late acceptance still not recorded', submissionId: submission.id, pending: this.pending.size, error: (e as Error).message });
        return;
      }
    }
  }

  private schedule(): void {
    if (this.timer || this.pending.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().then(() => {
        this.delayMs = this.pending.size === 0 ? FIRST_DELAY_MS : Math.min(MAX_DELAY_MS, this.delayMs * 2);
        this.schedule();
      });
    }, this.delayMs);
    this.timer.unref();
  }

  private async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
    if (this.pending.size > 0) this.logger.warn({ msg: 'late acceptances left unrecorded at shutdown', count: this.pending.size });
    this.pending.clear();
  }
}
