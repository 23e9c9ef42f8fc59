import { NormalisedItemMessage } from '@copydesk/contracts';
import {
  CandidateStory,
  decide,
  Decision,
  fingerprint,
  fingerprintKeys,
  indexScope,
  isKill,
  positionOf,
  TextFingerprint,
  VersionPosition,
} from '@copydesk/dedupe-core';

/** The limits and thresholds of the service's repository, so the eval retrieves as it does. */
const CANDIDATE_LIMIT = 24;
const COMPARED_VERSIONS = 3;
const WINDOW_MS = 72 * 3600_000;
const KEYS_REFRESH_MS = 24 * 3600_000;

interface Version {
  version: number;
  hash: string;
  pubStatus: string;
  fingerprint: TextFingerprint;
  current: boolean;
  itemId: string;
}

interface Story {
  id: string;
  sourceId: string;
  language: string | null;
  wireGuids: string[];
  versions: Version[];
  current: VersionPosition;
  pubStatus: CandidateStory['pubStatus'];
  withdrawn: boolean;
  lastSeen: number;
  keysRefreshed: number;
}

/**
 * The service's decision path with the PostgreSQL index replaced by a map: the same
 * fingerprints, the same index keys, the same candidate limits, the same decide().
 * Used by the evaluation, which needs thousands of decisions in a second.
 */
export class MemoryDedupe {
  readonly stories = new Map<string, Story>();
  private readonly keys = new Map<string, { storyId: string; seenAt: number }[]>();
  private nextId = 0;

  process(msg: NormalisedItemMessage, now: number): { decision: Decision; storyId: string } {
    const fp = fingerprint(msg.item);
    const scope = indexScope(msg.sourceId, msg.item.language);
    const { index: keys, lookup } = fingerprintKeys(fp, scope, isKill(msg.item));
    const language = msg.item.language ? msg.item.language.toLowerCase().split('-')[0] : null;
    const since = now - WINDOW_MS;
    const hits = new Map<string, Set<string>>();
    for (const k of lookup)
      for (const e of this.keys.get(k) ?? []) if (e.seenAt >= since) (hits.get(e.storyId) ?? hits.set(e.storyId, new Set()).get(e.storyId)!).add(k);
    const byKeys = [...hits.entries()]
      .sort((a, b) => b[1].size - a[1].size)
      .slice(0, CANDIDATE_LIMIT)
      .map(([id]) => id);
    const candidates = byKeys.map((id) => this.candidate(this.stories.get(id)!));
    const decision = decide(msg.item, fp, candidates);
    const storyId = this.apply(msg, fp, keys, language, decision, now);
    return { decision, storyId };
  }

  private candidate(s: Story): CandidateStory {
    const newest = [...s.versions].sort((a, b) => Number(b.current) - Number(a.current) || b.version - a.version).slice(0, COMPARED_VERSIONS);
    return {
      storyId: s.id,
      wireGuids: s.wireGuids,
      currentVersion: s.versions.find((v) => v.current)?.version ?? 1,
      contentHashes: s.versions.map((v) => v.hash),
      pubStatus: s.pubStatus,
      withdrawn: s.withdrawn,
      current: s.current,
      fingerprints: newest.map((v) => ({ version: v.version, fingerprint: v.fingerprint })),
    };
  }

  private apply(msg: NormalisedItemMessage, fp: TextFingerprint, keys: string[], language: string | null, d: Decision, now: number): string {
    if (d.outcome === 'duplicate') {
      const s = this.stories.get(d.storyId)!;
      s.lastSeen = Math.max(s.lastSeen, now);
      if (s.keysRefreshed < now - KEYS_REFRESH_MS) {
        s.keysRefreshed = now;
        this.index(s.id, keys, now);
      }
      return s.id;
    }
    let s: Story;
    if (d.outcome === 'new-story') {
      s = {
        id: `s${this.nextId++}`,
        sourceId: msg.sourceId,
        language,
        wireGuids: msg.item.wire.guid ? [msg.item.wire.guid] : [],
        versions: [],
        current: positionOf(msg.item),
        pubStatus: msg.item.pubStatus,
        withdrawn: d.kind === 'withdrawn',
        lastSeen: now,
        keysRefreshed: now,
      };
      this.stories.set(s.id, s);
    } else {
      s = this.stories.get(d.storyId)!;
    }
    const current = d.outcome === 'new-story' || d.current;
    if (current) {
      s.versions.forEach((v) => (v.current = false));
      s.current = positionOf(msg.item);
      s.pubStatus = msg.item.pubStatus;
      s.withdrawn = s.withdrawn || d.kind === 'withdrawn';
    }
    s.lastSeen = now;
    s.versions.push({
      version: s.versions.length + 1,
      hash: msg.item.contentHash,
      pubStatus: msg.item.pubStatus,
      fingerprint: fp,
      current,
      itemId: msg.itemId,
    });
    s.keysRefreshed = now;
    this.index(s.id, keys, now);
    return s.id;
  }

  private index(storyId: string, keys: string[], now: number): void {
    for (const k of keys) (this.keys.get(k) ?? this.keys.set(k, []).get(k)!).push({ storyId, seenAt: now });
  }
}
