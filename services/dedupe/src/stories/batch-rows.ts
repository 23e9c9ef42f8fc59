import { CanonicalItem, MatchEvidence, VersionKind } from '@copydesk/contracts';
import { TextFingerprint, VersionPosition } from '@copydesk/dedupe-core';
import { StoryState } from './story-state';

/** How many stories one index lookup may return: enough for a busy event, never a scan. */
export const CANDIDATE_LIMIT = 24;
/** A story still being seen has its index keys written again after this many hours, well inside the window. */
export const KEYS_REFRESH_HOURS = 24;
/** How many of a candidate's newest versions text matching compares with. */
export const COMPARED_VERSIONS = 3;

const DAY_MS = 86_400_000;

/** The day of the candidate index a time falls on: whole UTC days since 1970, as `story_keys.day`. */
export const keyDayOf = (t: Date): number => Math.floor(t.getTime() / DAY_MS);

/** How far ahead another instance's clock may be: near midnight its keys may be on the next day. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The days of the candidate index a lookup from `since` at `now` reads: every day the window
 * touches, and, in the minutes before midnight, the next (keys another instance wrote with its
 * clock a little ahead). Each is one probe a key, most of them finding nothing.
 */
export function keyDaysBetween(since: Date, now: Date): number[] {
  const days: number[] = [];
  for (let d = keyDayOf(since); d <= keyDayOf(new Date(now.getTime() + CLOCK_SKEW_MS)); d++) days.push(d);
  return days;
}

export interface NewVersion {
  storyId: string;
  version: number;
  kind: VersionKind;
  contentHash: string;
  itemId: string;
  wireVersion: string | null;
  itemTime: string | null;
  /** Whether the version became current when it was decided (what its message says). */
  current: boolean;
  decidedAt: Date;
  item: CanonicalItem;
  position: VersionPosition;
  fingerprint: TextFingerprint;
}

export interface DecisionRow {
  itemId: string;
  submissionId: string;
  sourceId: string;
  outcome: 'new-story' | 'new-version' | 'duplicate';
  storyId: string | null;
  version: number | null;
  evidence: MatchEvidence;
  decidedAt: Date;
}

export interface WireIdRow {
  sourceId: string;
  guid: string;
  storyId: string;
  via: 'id' | 'link';
}

/** Everything one batch writes, in arrival order, all under the batch's time. */
export interface BatchRows {
  at: Date;
  /** Stories the batch created or changed, in their final state. */
  stories: StoryState[];
  /** `stored` is whether the version is still current once the whole batch is applied. */
  versions: { version: NewVersion; stored: boolean }[];
  keys: { storyId: string; keys: string[] }[];
  wireIds: WireIdRow[];
  decisions: DecisionRow[];
}
