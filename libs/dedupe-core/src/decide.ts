import { CanonicalItem, MatchEvidence, VersionKind } from '@copydesk/contracts';

/** What dedupe knows about a candidate story, retrieved by an index. */
export interface CandidateStory {
  storyId: string;
  wireGuid: string | null;
  headlineKey: string;
  currentVersion: number;
  /** Content hashes of every stored version. */
  contentHashes: string[];
  /** Source time or versionCreated of the current version (ISO), to spot late older copies. */
  currentTime: string | null;
  withdrawn: boolean;
}

export type Decision =
  | { outcome: 'new-story'; kind: 'created'; match: MatchEvidence }
  | { outcome: 'duplicate'; storyId: string; match: MatchEvidence }
  | { outcome: 'new-version'; storyId: string; kind: VersionKind; current: boolean; match: MatchEvidence };

/** The time an item says it is from: the source's update time, else versionCreated. */
export function itemTime(item: CanonicalItem): string | null {
  return item.sourceUpdated?.at ?? item.versionCreated ?? null;
}

export function versionKind(item: CanonicalItem): VersionKind {
  if (item.pubStatus === 'canceled' || item.signals.includes('kill')) return 'withdrawn';
  if (item.signals.includes('correction')) return 'corrected';
  return 'updated';
}

/**
 * Decides for one item against the candidates found for it: the story with the same wire
 * id first, else the story with the same headline. The same content as any version of the
 * matched story is a duplicate; anything else is a new version, current unless it is older
 * than the current one.
 */
export function decide(item: CanonicalItem, headlineKeyOfItem: string, candidates: CandidateStory[]): Decision {
  const guid = item.wire.guid ?? null;
  const byGuid = guid ? candidates.find((c) => c.wireGuid === guid) : undefined;
  const byHeadline = byGuid
    ? undefined
    : candidates.find((c) => c.headlineKey === headlineKeyOfItem && (guid === null || c.wireGuid === null));
  const story = byGuid ?? byHeadline;
  if (!story) {
    return { outcome: 'new-story', kind: 'created', match: { basis: 'none', reason: guid ? 'new wire id' : 'no story with this headline from this source' } };
  }
  const basis = byGuid ? 'wire-guid' : 'headline';
  if (story.contentHashes.includes(item.contentHash)) {
    return {
      outcome: 'duplicate',
      storyId: story.storyId,
      match: { basis, score: 1, comparedVersion: story.currentVersion, reason: 'same content as a stored version' },
    };
  }
  const time = itemTime(item);
  const current = !(time && story.currentTime && time < story.currentTime);
  return {
    outcome: 'new-version',
    storyId: story.storyId,
    kind: versionKind(item),
    current,
    match: {
      basis,
      comparedVersion: story.currentVersion,
      reason: `${basis === 'wire-guid' ? 'same wire id' : 'same headline'} with changed content${current ? '' : ', older than the current version'}`,
    },
  };
}
