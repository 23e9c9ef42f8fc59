import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PublishConfig } from '../config/publish.config';
import { PublishRepository } from '../stories/publish.repository';
import { StreamHead } from '../stream/stream-head';

/** Longest a timer may wait (setTimeout's limit); a later time is looked at again then. */
const MAX_TIMER_MS = 2_147_483_647;
const BATCH = 500;

/**
 * Releases held versions when their embargo ends: in one transaction, gives them their stream
 * positions (so SSE clients get them then, in release order) and moves the released story rows
 * on. Their events leave the outbox at the same time by the outbox's own not-before. Nothing is
 * kept in memory but a timer: after a restart the first pass releases what fell due meanwhile and
 * sets the timer for the next; a slow poll covers versions another instance held.
 */
@Injectable()
export class EmbargoRelease implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EmbargoRelease.name);
  private timer: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: PublishRepository,
    private readonly stream: StreamHead,
    private readonly config: PublishConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.poll = setInterval(() => void this.schedule(), this.config.PUBLISH_RELEASE_POLL_MS);
    void this.schedule();
  }

  beforeApplicationShutdown(): Promise<void> | undefined {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (this.timer) clearTimeout(this.timer);
    return this.running;
  }

  /** Releases what is due now, then sets the timer for the next held version. Calls that come while a pass runs make one more pass. */
  schedule(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.schedule();
      }
    });
    return this.running;
  }

  /** Releases every held version that is due; answers how many. */
  async releaseDue(): Promise<number> {
    let released = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (m) => {
        const due = await this.repo.dueVersions(m, BATCH);
        await this.repo.assignPositions(m, due);
        await this.repo.releaseToStories(m, due);
        return due;
      });
      released += batch.length;
      batch.forEach((v) => this.logger.log({ msg: 'version released at the end of its embargo', storyId: v.storyId, version: v.version }));
      if (batch.length < BATCH) break;
    }
    if (released > 0) this.stream.notify();
    return released;
  }

  private async pass(): Promise<void> {
    try {
      await this.releaseDue();
      const next = await this.repo.nextReleaseInMs(this.dataSource.manager);
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      // A few ms late rather than early: what is due is decided by the database's clock.
      if (next !== null && !this.stopped) this.timer = setTimeout(() => void this.schedule(), Math.min(MAX_TIMER_MS, next + 20));
    } catch (e) {
      this.logger.warn({ msg: 'embargo release failed, will retry', err: e });
    }
  }
}
