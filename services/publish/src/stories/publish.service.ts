import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageContext, StoryVersionMessage } from '@copydesk/contracts';
import { Outbox } from '@copydesk/outbox';
import { Clock } from '../clock/clock';
import { PublishConfig } from '../config/publish.config';
import { eventId, toCloudEvents } from '../events/cloud-event';
import { toNinjs } from '../events/ninjs.mapper';
import { EmbargoRelease } from '../embargo/embargo-release';
import { holdOf } from '../embargo/hold';
import { StreamHead } from '../stream/stream-head';
import { PublishRepository } from './publish.repository';

@Injectable()
export class PublishService {
  private readonly logger = new Logger(PublishService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: PublishRepository,
    private readonly config: PublishConfig,
    private readonly clock: Clock,
    private readonly stream: StreamHead,
    private readonly outbox: Outbox,
    private readonly embargo: EmbargoRelease,
  ) {}

  /**
   * Stores the version in the read model and its events in the outbox, in one transaction;
   * a version seen before (a redelivery) changes nothing and emits nothing.
   */
  async publish(v: StoryVersionMessage, context: MessageContext = {}): Promise<boolean> {
    const [fresh] = await this.publishBatch([v], [context]);
    return fresh;
  }

  /**
   * Consecutive versions of one partition in one transaction: one commit, one wake-up of the outbox relay.
   * `contexts[i]` is the trace context of `versions[i]`; its events carry it on.
   *
   * A version under embargo (the item's `embargo` still ahead), or of a story with a version
   * still held, is held: recorded, but kept out of the released read model and the stream, its
   * events in the outbox not before its time; the embargo release lets it out then.
   */
  async publishBatch(versions: StoryVersionMessage[], contexts: readonly MessageContext[] = []): Promise<boolean[]> {
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(async (m) => {
      const stored: ('released' | 'held' | 'seen')[] = [];
      for (const [i, v] of versions.entries()) {
        if (await this.repo.hasVersion(m, v.storyId, v.version)) {
          stored.push('seen');
          continue;
        }
        const heldUntil = holdOf(v, now, await this.repo.heldUntil(m, v.storyId));
        const publishedAt = heldUntil && heldUntil > now ? heldUntil : now;
        const doc = toNinjs(v, this.config.PUBLISH_URI_BASE);
        if (!(await this.repo.insertVersion(m, v, doc, eventId(v.storyId, v.version), publishedAt, heldUntil))) {
          stored.push('seen');
          continue;
        }
        await this.repo.upsertStory(m, v, doc);
        if (!heldUntil) await this.repo.releaseToStory(m, v.storyId, v.version);
        const events = toCloudEvents(v, doc, this.config.PUBLISH_URI_BASE, publishedAt, contexts[i]);
        await this.outbox.enqueue(m, heldUntil ? events.map((e) => ({ ...e, notBefore: heldUntil })) : events);
        stored.push(heldUntil ? 'held' : 'released');
      }
      return stored;
    });
    if (outcome.includes('released')) this.stream.notify();
    if (outcome.includes('held')) void this.embargo.schedule();
    versions.forEach((v, i) =>
      this.logger.log({
        msg: outcome[i] === 'released' ? 'version published' : outcome[i] === 'held' ? 'version held until its embargo ends' : 'version already published',
        storyId: v.storyId,
        version: v.version,
        kind: v.kind,
      }),
    );
    return outcome.map((o) => o !== 'seen');
  }
}
