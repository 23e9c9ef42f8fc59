import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageContext, StoryVersionMessage } from '@copydesk/contracts';
import { Outbox } from '@copydesk/outbox';
import { Clock } from '../clock/clock';
import { PublishConfig } from '../config/publish.config';
import { eventId, toCloudEvents } from '../events/cloud-event';
import { toNinjs } from '../events/ninjs.mapper';
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
   */
  async publishBatch(versions: StoryVersionMessage[], contexts: readonly MessageContext[] = []): Promise<boolean[]> {
    const now = this.clock.now();
    const fresh = await this.dataSource.transaction(async (m) => {
      const stored: boolean[] = [];
      for (const [i, v] of versions.entries()) {
        if (await this.repo.hasVersion(m, v.storyId, v.version)) {
          stored.push(false);
          continue;
        }
        const doc = toNinjs(v, this.config.PUBLISH_URI_BASE);
        const inserted = await this.repo.insertVersion(m, v, doc, eventId(v.storyId, v.version), now);
        if (inserted) {
          await this.repo.upsertStory(m, v, doc);
          await this.outbox.enqueue(m, toCloudEvents(v, doc, this.config.PUBLISH_URI_BASE, now, contexts[i]));
        }
        stored.push(inserted);
      }
      return stored;
    });
    if (fresh.some(Boolean)) this.stream.notify();
    versions.forEach((v, i) =>
      this.logger.log({ msg: fresh[i] ? 'version published' : 'version already published', storyId: v.storyId, version: v.version, kind: v.kind }),
    );
    return fresh;
  }
}
