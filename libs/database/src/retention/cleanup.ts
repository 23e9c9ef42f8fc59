import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { lockKeyOf } from '../advisory-lock';

/** One kind of old row a service removes. */
export interface CleanupTask {
  /** For logs and results. */
  readonly name: string;
  /**
   * One DELETE of at most `limit` rows that are old at `now` (run on its own, so it is its own
   * short transaction). It must find them through an index range scan that stops at `limit`,
   * and skip rows other transactions hold (`FOR UPDATE SKIP LOCKED`).
   */
  readonly statement: string;
  /** The statement's parameters for a batch of `limit` rows at `now`. */
  params(limit: number, now: Date): unknown[];
}

/** TypeORM answers a DELETE with [rows, affected]. */
function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

export interface CleanupOptions {
  /** Advisory lock name: one instance at a time cleans up a schema. */
  lockName: string;
  /** Rows per DELETE: small, so no statement holds its row locks for long. */
  batchSize: number;
  /** Most batches per task in one run, so one run is bounded however far behind it is. */
  maxBatchesPerRun: number;
}

export type CleanupResult = { ran: false } | { ran: true; deleted: Record<string, number> };

/**
 * A service's clean-up of old rows: under a session advisory lock (an instance that does not
 * get it skips the run), each task deletes in small batches, each batch its own statement,
 * until a batch comes back short.
 */
export class Cleanup {
  private readonly logger = new Logger(Cleanup.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: readonly CleanupTask[],
    private readonly options: CleanupOptions,
  ) {}

  async runOnce(now: Date = new Date()): Promise<CleanupResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const lock = lockKeyOf(`cleanup:${this.options.lockName}`);
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [lock])) as { locked: boolean }[];
      if (!locked) return { ran: false };
      try {
        const deleted: Record<string, number> = {};
        for (const task of this.tasks) {
          deleted[task.name] = 0;
          for (let batch = 0; batch < this.options.maxBatchesPerRun; batch++) {
            const n = affected(await runner.query(task.statement, task.params(this.options.batchSize, now)));
            deleted[task.name] += n;
            if (n < this.options.batchSize) break;
          }
        }
        if (Object.values(deleted).some((n) => n > 0)) this.logger.log({ msg: 'old rows removed', lock: this.options.lockName, deleted });
        return { ran: true, deleted };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [lock]);
      }
    } finally {
      await runner.release();
    }
  }
}

/** Runs a clean-up every `intervalMs` (with a little jitter) until stopped; a failed run is logged and the next one tries again. */
export class PeriodicCleanup {
  private readonly logger = new Logger(PeriodicCleanup.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly cleanup: Cleanup,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(
      () => {
        this.running = this.cleanup
          .runOnce()
          .catch((e: unknown) => this.logger.warn({ msg: 'clean-up failed; the next run tries again', error: (e as Error).message }))
          .finally(() => {
            this.running = undefined;
            this.schedule();
          });
      },
      this.intervalMs * (0.9 + Math.random() * 0.2),
    );
    this.timer.unref();
  }
}
