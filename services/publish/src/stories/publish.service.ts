import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageContext, StoryVersionMessage } from '@copydesk/contracts';
import { inSpan, SpanKind } from '@copydesk/observability';
import { Outbox } from '@copydesk/outbox';
import { Clock } from '../clock/clock';
import { PublishConfig } from '../config/publish.config';
import { eventId, toCloudEvents } from '../events/cloud-event';
import { toNinjs } from '../events/ninjs.mapper';
import { EmbargoRelease } from '../embargo/embargo-release';
import { holdOf } from '../embargo/hold';
import { StreamHead } from '../stream/stream-head';
import { countPublished } from './publish-metrics';
import { NewVersion, PublishRepository, versionKey } from './publish.repository';

type Stored = 'released' | 'held' | 'seen';

function latest(a: Date | null, b: Date): Date {
  return a && a > b ? a : b;
}

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
    const outcome = await inTransactionSpan(versions.length, () => this.transaction(versions, contexts, now));
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
    const fresh = outcome.map((o) => o !== 'seen');
    countPublished(versions, fresh);
    return fresh;
  }

  private transaction(versions: StoryVersionMessage[], contexts: readonly MessageContext[], now: Date): Promise<Stored[]> {
    return this.dataSource.transaction(async (m) => {
      // Read what the batch needs in one round, decide in code, write in one round.
      const recorded = await this.repo.recordedVersions(m, versions);
      const holds = await this.repo.heldStories(
        m,
        versions.map((v) => v.storyId),
      );
      const stored: Stored[] = [];
      const planned: NewVersion[] = [];
      for (const v of versions) {
        const key = versionKey(v.storyId, v.version);
        if (recorded.has(key)) {
          stored.push('seen');
          continue;
        }
        recorded.add(key);
        const story = v.storyId.toLowerCase();
        const heldUntil = holdOf(v, now, holds.get(story) ?? { held: false, until: null });
        // The story's later versions in this batch wait behind this one, as they would behind a stored one.
        if (heldUntil) holds.set(story, { held: true, until: latest(holds.get(story)?.until ?? null, heldUntil) });
        const publishedAt = heldUntil && heldUntil > now ? heldUntil : now;
        const doc = toNinjs(v, this.config.PUBLISH_URI_BASE);
        planned.push({ v, doc, eventId: eventId(v.storyId, v.version), publishedAt, heldUntil });
        stored.push(heldUntil ? 'held' : 'released');
      }
      const inserted = await this.repo.insertVersions(m, planned);
      const written = planned.filter((p) => inserted.has(versionKey(p.v.storyId, p.v.version)));
      await this.repo.upsertStories(m, written);
      await this.repo.releaseToStories(
        m,
        written.filter((p) => !p.heldUntil).map((p) => p.v),
      );
      const contextOf = new Map(versions.map((v, i) => [v, contexts[i]]));
      const events = written.flatMap((p) => {
        const made = toCloudEvents(p.v, p.doc, this.config.PUBLISH_URI_BASE, p.publishedAt, contextOf.get(p.v));
        return p.heldUntil ? made.map((e) => ({ ...e, notBefore: p.heldUntil })) : made;
      });
      await this.outbox.enqueue(m, events);
      // One recorded meanwhile by another writer: seen, not published by this one.
      const published = new Set(written.map((p) => p.v));
      return versions.map((v, i) => (published.has(v) ? stored[i] : 'seen'));
    });
  }
}

/** The batch's transaction as a span (a child of the batch's span, when traced). */
function inTransactionSpan<T>(versions: number, work: () => Promise<T>): Promise<T> {
  return inSpan(
    'transaction publish',
    { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'messaging.batch.message_count': versions } },
    work,
  );
}
