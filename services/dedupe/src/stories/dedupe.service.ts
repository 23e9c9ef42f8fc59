import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { codecFor, MessageContext, NormalisedItemMessage, StoryVersionMessage, Topic } from '@copydesk/contracts';
import {
  CandidateStory,
  decide,
  Decision,
  fingerprint,
  headlineKey,
  indexKeys,
  indexScope,
  itemTime,
  linkedGuids,
  positionOf,
  TextFingerprint,
} from '@copydesk/dedupe-core';
import { lockKeyOf } from '@copydesk/database';
import { Outbox } from '@copydesk/outbox';
import { DedupeConfig } from '../config/dedupe.config';
import { DedupeRepository, NewVersion } from './dedupe.repository';

export type Outcome = Decision['outcome'] | 'already-decided';

@Injectable()
export class DedupeService {
  private readonly logger = new Logger(DedupeService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: DedupeRepository,
    private readonly config: DedupeConfig,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Decides for one item in one transaction: the decision, the version and the outgoing
   * message are written together, and the item id is recorded, so a redelivered item is
   * recognised and never makes a second version.
   */
  async process(msg: NormalisedItemMessage, now: Date = new Date(), context: MessageContext = {}): Promise<Outcome> {
    const [outcome] = await this.processBatch([msg], now, [context]);
    return outcome;
  }

  /**
   * Decides for consecutive items of one partition in one transaction, in order (a later
   * item sees what an earlier one decided), so a burst costs one commit and one wake-up of the outbox relay.
   * `contexts[i]` is the trace context of `messages[i]`; its story version carries it on.
   */
  async processBatch(messages: NormalisedItemMessage[], now: Date = new Date(), contexts: readonly MessageContext[] = []): Promise<Outcome[]> {
    const outcomes = await this.dataSource.transaction(async (m) => {
      // One source's items are decided one at a time, also across instances during a
      // rebalance; locks are taken in one order so two transactions cannot deadlock.
      const locks = [...new Set(messages.map((msg) => lockKeyOf(`source:${msg.sourceId}`)))].sort((a, b) => a - b);
      for (const lock of locks) await m.query('SELECT pg_advisory_xact_lock($1)', [lock]);
      const decided: Outcome[] = [];
      for (const [i, msg] of messages.entries()) decided.push(await this.decideOne(m, msg, now, contexts[i] ?? {}));
      return decided;
    });
    messages.forEach((msg, i) => this.logger.log({ msg: 'item decided', itemId: msg.itemId, outcome: outcomes[i] }));
    return outcomes;
  }

  private async decideOne(m: EntityManager, msg: NormalisedItemMessage, now: Date, context: MessageContext): Promise<Outcome> {
    if (await this.repo.isDecided(m, msg.itemId)) return 'already-decided';
    const fp = fingerprint(msg.item);
    const keys = indexKeys(fp, indexScope(msg.sourceId, msg.item.language));
    const candidates = await this.findCandidates(m, msg, keys, now);
    const decision = decide(msg.item, fp, candidates);
    await this.apply(m, msg, fp, keys, decision, now, context);
    return decision.outcome;
  }

  /**
   * Candidates through the indexes only: an item with a wire id finds its story by that id
   * or by the ids its links name; an item without one, by shared fingerprint keys (scoped
   * to the source and the language) within the window.
   */
  private async findCandidates(m: EntityManager, msg: NormalisedItemMessage, keys: string[], now: Date): Promise<CandidateStory[]> {
    const guid = msg.item.wire.guid;
    let ids: string[];
    if (guid) {
      ids = await this.repo.storiesByWireIds(m, msg.sourceId, [guid, ...linkedGuids(msg.item)]);
    } else {
      const since = new Date(now.getTime() - this.config.DEDUPE_WINDOW_HOURS * 3600_000);
      ids = await this.repo.storiesByKeys(m, keys, since);
    }
    return this.repo.loadCandidates(m, ids);
  }

  private async apply(
    m: EntityManager,
    msg: NormalisedItemMessage,
    fp: TextFingerprint,
    keys: string[],
    decision: Decision,
    now: Date,
    context: MessageContext,
  ): Promise<void> {
    const base = { itemId: msg.itemId, submissionId: msg.submissionId, sourceId: msg.sourceId, decidedAt: now, evidence: decision.match };
    if (decision.outcome === 'duplicate') {
      // The duplicate's keys are those of the version it repeats: written again, they keep a long-running story matchable.
      if (await this.repo.countDuplicate(m, decision.storyId, now)) await this.repo.insertKeys(m, decision.storyId, keys, now);
      await this.repo.recordDecision(m, { ...base, outcome: 'duplicate', storyId: decision.storyId, version: null });
      return;
    }
    const story = decision.outcome === 'new-story' ? { id: randomUUID(), createdAt: now, latestVersion: 0 } : await this.repo.lockStory(m, decision.storyId);
    const v: NewVersion = {
      storyId: story.id,
      version: story.latestVersion + 1,
      kind: decision.kind,
      contentHash: msg.item.contentHash,
      itemId: msg.itemId,
      wireVersion: msg.item.wire.version ?? null,
      itemTime: itemTime(msg.item),
      current: decision.outcome === 'new-story' ? true : decision.current,
      decidedAt: now,
      item: msg.item,
      position: positionOf(msg.item),
      fingerprint: fp,
    };
    const key = headlineKey(msg.item.headline);
    if (decision.outcome === 'new-story') {
      const s = {
        id: story.id,
        sourceId: msg.sourceId,
        wireGuid: msg.item.wire.guid ?? null,
        language: languageOf(msg.item.language),
        headlineKey: key,
        at: now,
      };
      await this.repo.insertStory(m, s, v);
      await this.repo.insertVersion(m, v);
    } else {
      await this.repo.insertVersion(m, v);
      await this.repo.advanceStory(m, v, key);
    }
    const wireIds = [
      ...(msg.item.wire.guid ? [{ guid: msg.item.wire.guid, via: 'id' as const }] : []),
      ...linkedGuids(msg.item).map((guid) => ({ guid, via: 'link' as const })),
    ];
    await this.repo.registerWireIds(m, msg.sourceId, story.id, wireIds, now);
    await this.repo.insertKeys(m, story.id, keys, now);
    await this.repo.recordDecision(m, { ...base, outcome: decision.outcome, storyId: story.id, version: v.version });
    await this.outbox.enqueue(m, [codecFor(Topic.StoryVersions).encode(toVersionMessage(msg, v, story.createdAt, decision), context)]);
  }
}

/** The language as matching scopes it: the primary subtag, lowercased ("en-GB" is "en"). */
function languageOf(language: string | undefined): string | null {
  return language ? language.toLowerCase().split('-')[0] : null;
}

function toVersionMessage(msg: NormalisedItemMessage, v: NewVersion, storyCreatedAt: Date, decision: Decision): StoryVersionMessage {
  const updated = msg.item.sourceUpdated ?? (msg.item.versionCreated ? { at: msg.item.versionCreated, precision: 'second' as const } : undefined);
  return {
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
}
