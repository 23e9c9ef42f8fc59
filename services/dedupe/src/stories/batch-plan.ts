import { randomUUID } from 'node:crypto';
import { codecFor, MessageContext, NormalisedItemMessage, StoryVersionMessage, Topic } from '@copydesk/contracts';
import { CandidateStory, Decision, headlineKey, itemTime, linkedGuids, positionOf, TextFingerprint } from '@copydesk/dedupe-core';
import { OutboxMessage } from '@copydesk/outbox';
import { BatchRows, CANDIDATE_LIMIT, NewVersion } from './batch-rows';
import { KeyHit, WireIdHolder } from './dedupe.repository';
import { advance, candidateOf, countDuplicate, createdStory, StoryState } from './story-state';

const wireKey = (sourceId: string, guid: string) => `${sourceId}\u0000${guid}`;

/**
 * What a batch has decided so far, in memory: the stories it read, as the decisions of its
 * earlier items have changed them, the stories it created, the wire ids and index keys it
 * wrote. A later item finds its candidates here as it would in the database had the earlier
 * items been committed one at a time; the rows to write pile up in arrival order.
 */
export class BatchPlan {
  private readonly stories = new Map<string, StoryState>();
  /** Who holds each wire id the batch looked up or wrote. */
  private readonly holders = new Map<string, string>();
  /** The stories each index key was written under by this batch (always inside the window). */
  private readonly keys = new Map<string, Set<string>>();
  private readonly versions: BatchRows['versions'] = [];
  private readonly keyRows: BatchRows['keys'] = [];
  private readonly wireIds: BatchRows['wireIds'] = [];
  private readonly decisions: BatchRows['decisions'] = [];
  /** The index in `versions` of the version of this batch that is its story's current one. */
  private readonly currentRow = new Map<string, number>();
  readonly messages: OutboxMessage[] = [];
  /** The version numbers the batch counted on, to check under the lock. */
  readonly readVersions = new Map<string, number>();

  constructor(
    stored: StoryState[],
    held: WireIdHolder[],
    private readonly now: Date,
  ) {
    for (const s of stored) {
      this.stories.set(s.id, s);
      this.readVersions.set(s.id, s.latestVersion);
    }
    for (const h of held) this.holders.set(wireKey(h.sourceId, h.guid), h.storyId);
  }

  /**
   * An item with a wire id: the stories holding it or the ids its links name, in that order.
   * Without one: the stories sharing most of its keys, counting those the database found and
   * those the batch wrote. The database answered CANDIDATE_LIMIT stories an item, before the
   * batch wrote anything: a story it left out that the batch then gave more of the item's keys
   * can still be missed, as it can between two stories with as many keys in common.
   */
  candidatesFor(msg: NormalisedItemMessage, keys: string[], stored: KeyHit[]): CandidateStory[] {
    const guid = msg.item.wire.guid;
    if (guid) {
      const ids = [guid, ...linkedGuids(msg.item)].flatMap((g) => this.holders.get(wireKey(msg.sourceId, g)) ?? []);
      return [...new Set(ids)].map((id) => candidateOf(this.story(id)));
    }
    const shared = new Map<string, Set<string>>(stored.map((h) => [h.storyId, new Set(h.keys)]));
    for (const k of keys) {
      for (const id of this.keys.get(k) ?? []) {
        const set = shared.get(id) ?? new Set<string>();
        shared.set(id, set.add(k));
      }
    }
    return [...shared.entries()]
      .sort((a, b) => b[1].size - a[1].size)
      .slice(0, CANDIDATE_LIMIT)
      .map(([id]) => candidateOf(this.story(id)));
  }

  apply(msg: NormalisedItemMessage, fp: TextFingerprint, keys: string[], decision: Decision, context: MessageContext): void {
    const base = { itemId: msg.itemId, submissionId: msg.submissionId, sourceId: msg.sourceId, decidedAt: this.now, evidence: decision.match };
    if (decision.outcome === 'duplicate') {
      // The duplicate's keys are those of the version it repeats: written again, they keep a long-running story matchable.
      if (countDuplicate(this.story(decision.storyId), this.now)) this.index(decision.storyId, keys);
      this.decisions.push({ ...base, outcome: 'duplicate', storyId: decision.storyId, version: null });
      return;
    }
    const previous = decision.outcome === 'new-story' ? undefined : this.story(decision.storyId);
    const v: NewVersion = {
      storyId: previous?.id ?? randomUUID(),
      version: (previous?.latestVersion ?? 0) + 1,
      kind: decision.kind,
      contentHash: msg.item.contentHash,
      itemId: msg.itemId,
      wireVersion: msg.item.wire.version ?? null,
      itemTime: itemTime(msg.item),
      current: decision.outcome === 'new-story' ? true : decision.current,
      decidedAt: this.now,
      item: msg.item,
      position: positionOf(msg.item),
      fingerprint: fp,
    };
    const key = headlineKey(msg.item.headline);
    const story = previous ?? createdStory(v.storyId, msg.sourceId, v, key, languageOf(msg.item.language));
    if (previous) advance(previous, v, key);
    else this.stories.set(story.id, story);
    if (v.current) {
      // A version of this batch that was current no longer is once it is written.
      const before = this.currentRow.get(story.id);
      if (before !== undefined) this.versions[before].stored = false;
      this.currentRow.set(story.id, this.versions.length);
    }
    this.versions.push({ version: v, stored: v.current });
    const wireIds = [
      ...(msg.item.wire.guid ? [{ guid: msg.item.wire.guid, via: 'id' as const }] : []),
      ...linkedGuids(msg.item).map((guid) => ({ guid, via: 'link' as const })),
    ];
    for (const id of wireIds) {
      const k = wireKey(msg.sourceId, id.guid);
      // An id another story holds stays with it: stories are never merged.
      if (this.holders.has(k)) continue;
      this.holders.set(k, story.id);
      story.wireGuids.push(id.guid);
      this.wireIds.push({ sourceId: msg.sourceId, guid: id.guid, storyId: story.id, via: id.via });
    }
    this.index(story.id, keys);
    this.decisions.push({ ...base, outcome: decision.outcome, storyId: story.id, version: v.version });
    this.messages.push(codecFor(Topic.StoryVersions).encode(toVersionMessage(msg, v, story.createdAt, decision), context));
  }

  /** The stories the batch changes that were stored before it. */
  storedChanged(): string[] {
    return [...this.stories.values()].filter((s) => s.touched && !s.created).map((s) => s.id);
  }

  rows(): BatchRows {
    return {
      at: this.now,
      stories: [...this.stories.values()].filter((s) => s.touched),
      versions: this.versions,
      keys: this.keyRows,
      wireIds: this.wireIds,
      decisions: this.decisions,
    };
  }

  private story(id: string): StoryState {
    const s = this.stories.get(id);
    if (!s) throw new Error(`story ${id} was found by an index but not loaded`);
    return s;
  }

  private index(storyId: string, keys: string[]): void {
    if (keys.length === 0) return;
    this.keyRows.push({ storyId, keys });
    for (const k of keys) {
      const set = this.keys.get(k) ?? new Set<string>();
      this.keys.set(k, set.add(storyId));
    }
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
