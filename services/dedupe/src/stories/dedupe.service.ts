import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { encodeJson, Header, NormalisedItemMessage, StoryVersionMessage, Topic } from '@copydesk/contracts';
import { decide, Decision, headlineKey, itemTime } from '@copydesk/dedupe-core';
import { lockKeyOf, SqlOutboxStore } from '@copydesk/database';
import { OutboxRelay } from '@copydesk/kafka';
import { DedupeConfig } from '../config/dedupe.config';
import { DedupeRepository, NewVersion } from './dedupe.repository';

export const DEDUPE_OUTBOX = Symbol('DEDUPE_OUTBOX');
export const DEDUPE_RELAY = Symbol('DEDUPE_RELAY');

export type Outcome = Decision['outcome'] | 'already-decided';

@Injectable()
export class DedupeService {
  private readonly logger = new Logger(DedupeService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: DedupeRepository,
    private readonly config: DedupeConfig,
    @Inject(DEDUPE_OUTBOX) private readonly outbox: SqlOutboxStore,
    @Inject(DEDUPE_RELAY) private readonly relay: OutboxRelay,
  ) {}

  /**
   * Decides for one item in one transaction: the decision, the version and the outgoing
   * message are written together, and the item id is recorded, so a redelivered item is
   * recognised and never makes a second version.
   */
  async process(msg: NormalisedItemMessage, now: Date = new Date()): Promise<Outcome> {
    const outcome = await this.dataSource.transaction(async (m) => {
      // One source's items are decided one at a time, also across instances during a rebalance.
      await m.query('SELECT pg_advisory_xact_lock($1)', [lockKeyOf(`source:${msg.sourceId}`)]);
      if (await this.repo.isDecided(m, msg.itemId)) return 'already-decided' as const;
      const key = headlineKey(msg.item.headline);
      const since = new Date(now.getTime() - this.config.DEDUPE_WINDOW_HOURS * 3600_000);
      const candidates = await this.repo.findCandidates(m, msg.sourceId, msg.item.wire.guid ?? null, key, since);
      const decision = decide(msg.item, key, candidates);
      await this.apply(m, msg, key, decision, now);
      return decision.outcome;
    });
    if (outcome === 'new-story' || outcome === 'new-version') void this.relay.kick();
    this.logger.log({ msg: 'item decided', itemId: msg.itemId, outcome });
    return outcome;
  }

  private async apply(m: EntityManager, msg: NormalisedItemMessage, key: string, decision: Decision, now: Date): Promise<void> {
    const base = { itemId: msg.itemId, submissionId: msg.submissionId, sourceId: msg.sourceId, decidedAt: now, evidence: decision.match };
    if (decision.outcome === 'duplicate') {
      await this.repo.countDuplicate(m, decision.storyId);
      await this.repo.recordDecision(m, { ...base, outcome: 'duplicate', storyId: decision.storyId, version: null });
      return;
    }
    let storyId: string;
    let version: number;
    let storyCreatedAt: Date;
    if (decision.outcome === 'new-story') {
      storyId = randomUUID();
      version = 1;
      storyCreatedAt = now;
      await this.repo.insertStory(m, {
        id: storyId,
        sourceId: msg.sourceId,
        wireGuid: msg.item.wire.guid ?? null,
        language: msg.item.language ?? null,
        headlineKey: key,
        itemTime: itemTime(msg.item),
        withdrawn: msg.item.pubStatus === 'canceled',
        at: now,
      });
    } else {
      const story = await this.repo.lockStory(m, decision.storyId);
      storyId = story.id;
      version = story.latestVersion + 1;
      storyCreatedAt = story.createdAt;
    }
    const kind = decision.outcome === 'new-story' ? (msg.item.pubStatus === 'canceled' ? 'withdrawn' : 'created') : decision.kind;
    const current = decision.outcome === 'new-story' ? true : decision.current;
    const v: NewVersion = {
      storyId,
      version,
      kind,
      contentHash: msg.item.contentHash,
      itemId: msg.itemId,
      wireVersion: msg.item.wire.version ?? null,
      itemTime: itemTime(msg.item),
      current,
      decidedAt: now,
      item: msg.item,
    };
    await this.repo.insertVersion(m, v);
    if (decision.outcome === 'new-version') await this.repo.advanceStory(m, v, key);
    await this.repo.recordDecision(m, { ...base, outcome: decision.outcome, storyId, version });
    await this.outbox.enqueue(m, [toVersionMessage(msg, v, storyCreatedAt, decision)]);
  }
}

function toVersionMessage(msg: NormalisedItemMessage, v: NewVersion, storyCreatedAt: Date, decision: Decision) {
  const updated = msg.item.sourceUpdated ?? (msg.item.versionCreated ? { at: msg.item.versionCreated, precision: 'second' as const } : undefined);
  const value: StoryVersionMessage = {
    storyId: v.storyId,
    version: v.version,
    kind: v.kind,
    current: v.current,
    sourceId: msg.sourceId,
    submissionId: msg.submissionId,
    itemId: msg.itemId,
    storyCreatedAt: storyCreatedAt.toISOString(),
    decidedAt: v.decidedAt.toISOString(),
    updatedAt: updated ? new Date(updated.at).toISOString() : msg.capturedAt,
    updatedPrecision: updated?.precision ?? 'second',
    match: decision.match,
    item: msg.item,
  };
  return {
    topic: Topic.StoryVersions,
    key: v.storyId,
    value: encodeJson(value),
    headers: {
      [Header.StoryId]: v.storyId,
      [Header.SubmissionId]: msg.submissionId,
      [Header.SourceId]: msg.sourceId,
      [Header.ItemId]: msg.itemId,
      [Header.ContentType]: 'application/json',
    },
  };
}
