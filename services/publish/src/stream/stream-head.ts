import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PublishConfig } from '../config/publish.config';
import { StoriesRepository } from '../stories/stories.repository';

interface Waiter {
  beyond: bigint;
  wake: () => void;
}

/**
 * The newest stream position, watched once for every open stream of this process: one small
 * query per poll interval while anyone waits (not one per client), and at once when this process
 * recorded a version. Streams wait here until the head moves past what they have seen.
 */
@Injectable()
export class StreamHead implements OnModuleDestroy {
  private readonly logger = new Logger(StreamHead.name);
  private known = 0n;
  private readonly waiters = new Set<Waiter>();
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly stories: StoriesRepository,
    private readonly config: PublishConfig,
  ) {}

  /** The newest position known; may lag the database by one poll interval. */
  current(): string {
    return this.known.toString();
  }

  /** A version was recorded here: look at the head now. */
  notify(): void {
    void this.refresh();
  }

  /** Resolves once the head is past `position`, after `timeoutMs`, or when `signal` aborts. */
  waitBeyond(position: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
    const beyond = BigInt(position);
    if (this.known > beyond || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter: Waiter = { beyond, wake: () => done() };
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(waiter);
        if (this.waiters.size === 0) this.stopPolling();
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      this.waiters.add(waiter);
      this.startPolling();
    });
  }

  onModuleDestroy(): void {
    this.stopPolling();
    [...this.waiters].forEach((w) => w.wake());
  }

  private startPolling(): void {
    this.timer ??= setInterval(() => void this.refresh(), this.config.STREAM_POLL_MS);
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private refresh(): Promise<void> {
    this.reading ??= this.stories
      .headPosition()
      .then((head) => {
        const value = BigInt(head);
        if (value > this.known) this.known = value;
        for (const w of [...this.waiters]) if (this.known > w.beyond) w.wake();
      })
      .catch((e: unknown) => this.logger.warn({ msg: 'could not read the stream head', err: e }))
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}
