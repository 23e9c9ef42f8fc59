import type { CanonicalItem, WireFormat } from '@copydesk/contracts';
import { CandidateStory, decide, fingerprint, indexKeys, indexScope, isKill, positionOf, TextFingerprint } from '@copydesk/dedupe-core';
import type { FuzzStage } from './fuzz-runner';

/** How many earlier items of a format are offered to the decision as candidate stories. */
const CANDIDATES = 8;

/**
 * The dedupe steps for each item: fingerprint (stored as JSON, so it must survive a round trip),
 * index keys, and the decision against candidate stories made from the format's earlier items,
 * so that wire-id, link and text matching all run on fuzzed copy.
 */
export function dedupeStage(): FuzzStage {
  const recent = new Map<WireFormat, CandidateStory[]>();
  return (items, format) => {
    const candidates = recent.get(format) ?? [];
    for (const item of items) {
      const fp = fingerprint(item);
      const stored = JSON.parse(JSON.stringify(fp)) as TextFingerprint;
      if (JSON.stringify(stored) !== JSON.stringify(fp)) throw new Error('fingerprint does not survive JSON');
      for (const key of indexKeys(fp, indexScope('source', item.language))) {
        if (!/^-?\d{1,20}$/.test(key)) throw new Error(`index key ${key} is not a 64-bit integer`);
      }
      decide(item, fp, candidates);
      candidates.unshift(candidate(item, fp, candidates.length));
      candidates.length = Math.min(candidates.length, CANDIDATES);
    }
    recent.set(format, candidates);
  };
}

function candidate(item: CanonicalItem, fp: TextFingerprint, n: number): CandidateStory {
  return {
    storyId: `story-${n}`,
    wireGuids: [item.wire.guid, ...(item.wire.links ?? []).map((l) => l.guid)].filter((g): g is string => g !== undefined),
    currentVersion: 1,
    contentHashes: [item.contentHash],
    pubStatus: item.pubStatus,
    withdrawn: isKill(item),
    current: positionOf(item),
    fingerprints: [{ version: 1, fingerprint: fp }],
  };
}
