import { PubStatus } from '@copydesk/contracts';
import { CandidateStory, TextFingerprint, VersionPosition } from '@copydesk/dedupe-core';
import { COMPARED_VERSIONS, KEYS_REFRESH_HOURS, NewVersion } from './batch-rows';

/** One of a story's newest versions as text matching compares with it. */
export interface RecentVersion {
  version: number;
  current: boolean;
  fingerprint: TextFingerprint | null;
}

/**
 * A story as a batch sees it: its row as stored (or as created by the batch) with what the
 * batch has decided for it so far, so that a later item of the batch finds it as it would
 * after the earlier items had been committed one at a time.
 */
export interface StoryState {
  id: string;
  sourceId: string;
  /** Created by this batch: inserted rather than updated. */
  created: boolean;
  /** Changed by this batch: written back. */
  touched: boolean;
  wireGuid: string | null;
  language: string | null;
  createdAt: Date;
  latestVersion: number;
  currentVersion: number;
  pubStatus: PubStatus;
  withdrawn: boolean;
  current: VersionPosition;
  headlineKey: string;
  headlineMatch: string;
  decidedAt: Date;
  lastSeenAt: Date;
  keysRefreshedAt: Date;
  /** Duplicates counted by this batch (added to the stored count). */
  duplicates: number;
  wireGuids: string[];
  contentHashes: string[];
  /** The current and newest versions, COMPARED_VERSIONS of them, current first, then newest first. */
  recent: RecentVersion[];
  /** Whether a version of this batch became current: the stored current one is no longer. */
  currentMoved: boolean;
}

export function candidateOf(s: StoryState): CandidateStory {
  return {
    storyId: s.id,
    wireGuids: s.wireGuids,
    currentVersion: s.currentVersion,
    contentHashes: s.contentHashes,
    pubStatus: s.pubStatus,
    withdrawn: s.withdrawn,
    current: s.current,
    fingerprints: s.recent.flatMap((r) => (r.fingerprint ? [{ version: r.version, fingerprint: r.fingerprint }] : [])),
  };
}

/** A story made by its first version. */
export function createdStory(id: string, sourceId: string, v: NewVersion, headlineKey: string, language: string | null): StoryState {
  return {
    id,
    sourceId,
    created: true,
    touched: true,
    wireGuid: v.position.wireGuid,
    language,
    createdAt: v.decidedAt,
    latestVersion: 1,
    currentVersion: 1,
    pubStatus: v.item.pubStatus,
    withdrawn: v.kind === 'withdrawn',
    current: v.position,
    headlineKey,
    headlineMatch: v.fingerprint.headline,
    decidedAt: v.decidedAt,
    lastSeenAt: v.decidedAt,
    keysRefreshedAt: v.decidedAt,
    duplicates: 0,
    wireGuids: [],
    contentHashes: [v.contentHash],
    recent: [{ version: 1, current: true, fingerprint: v.fingerprint }],
    currentMoved: false,
  };
}

/** Moves the story on to a new version; one that does not become current only raises the count. */
export function advance(s: StoryState, v: NewVersion, headlineKey: string): void {
  s.touched = true;
  s.latestVersion = v.version;
  if (v.current) {
    s.currentVersion = v.version;
    s.current = { ...v.position, time: v.position.time ?? s.current.time };
    s.withdrawn = s.withdrawn || v.kind === 'withdrawn';
    s.headlineKey = headlineKey;
    s.pubStatus = v.item.pubStatus;
    s.headlineMatch = v.fingerprint.headline;
    s.currentMoved = true;
  }
  s.decidedAt = v.decidedAt;
  s.lastSeenAt = v.decidedAt;
  s.keysRefreshedAt = v.decidedAt;
  s.contentHashes.push(v.contentHash);
  const recent = [...s.recent.map((r) => (v.current ? { ...r, current: false } : r)), { version: v.version, current: v.current, fingerprint: v.fingerprint }];
  // The newest COMPARED_VERSIONS of all versions are among the ones kept and the new one.
  s.recent = recent.sort((a, b) => Number(b.current) - Number(a.current) || b.version - a.version).slice(0, COMPARED_VERSIONS);
}

/**
 * Counts a duplicate and keeps its story in the window; true when the story's keys are older
 * than KEYS_REFRESH_HOURS and are to be written again under this time.
 */
export function countDuplicate(s: StoryState, at: Date): boolean {
  s.touched = true;
  s.duplicates++;
  if (at > s.lastSeenAt) s.lastSeenAt = at;
  if (s.keysRefreshedAt.getTime() >= at.getTime() - KEYS_REFRESH_HOURS * 3600_000) return false;
  s.keysRefreshedAt = at;
  return true;
}
