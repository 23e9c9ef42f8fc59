import { CanonicalItem, MatchEvidence, PubStatus, VersionKind } from '@copydesk/contracts';
import { TextFingerprint } from './fingerprint';
import { compareText, TextVerdict } from './text-match';
import { compareVersions, positionOf, VersionPosition } from './version-order';

/** What dedupe knows about a candidate story, retrieved by an index. */
export interface CandidateStory {
  storyId: string;
  /** Wire ids that lead to the story: its own, and those named by links (also links whose item has not arrived). */
  wireGuids: string[];
  currentVersion: number;
  /** Content hashes of every stored version. */
  contentHashes: string[];
  /** Status of the current version. */
  pubStatus: PubStatus;
  withdrawn: boolean;
  /** Position of the current version among the story's versions. */
  current: VersionPosition;
  /** Fingerprints of the current and the newest versions, with their version numbers (none for id-only candidates). */
  fingerprints: { version: number; fingerprint: TextFingerprint }[];
}

export type Decision =
  | { outcome: 'new-story'; kind: 'created' | 'withdrawn'; match: MatchEvidence }
  | { outcome: 'duplicate'; storyId: string; match: MatchEvidence }
  | { outcome: 'new-version'; storyId: string; kind: VersionKind; current: boolean; match: MatchEvidence };

/** The time an item says it is from: the source's update time, else versionCreated. */
export function itemTime(item: CanonicalItem): string | null {
  return item.sourceUpdated?.at ?? item.versionCreated ?? null;
}

// A kill marker opening a headline ("KILLED - ...", "KILL: ...", "WITHDRAWN | ...").
const KILL_HEADLINE = /^\s*(?:mandatory\s+)?(?:kill|killed|withdrawn|eliminate|elimination)\s*[-:|]/i;
// A kill notice: "This story has been withdrawn", "Please delete ...", "kill advisory".
const KILL_NOTICE =
  /\b(?:(?:story|item|article|report|version|dispatch)s?\s+(?:has been|have been|is|are|was|were)\s+(?:withdrawn|killed|eliminated)|please\s+(?:delete|kill|eliminate|withdraw)|kill\s+(?:advisory|notice))\b/i;
/** A notice is a line or two; only this much of the body is read for one. */
const KILL_NOTICE_CHARS = 600;

/** The body's text if it is a notice's length (a few hundred characters), else null. */
function shortBody(item: CanonicalItem): string | null {
  let text = '';
  for (const b of item.body) {
    if (b.kind !== 'paragraph') continue;
    text += `${b.text} `;
    if (text.length > KILL_NOTICE_CHARS) return null;
  }
  return text;
}

/**
 * A kill: the status, the signal, or, from a feed that carries neither, the text: a kill
 * marker opening the headline, or a short body that is a kill notice.
 */
export function isKill(item: CanonicalItem): boolean {
  if (item.pubStatus === 'canceled' || item.signals.includes('kill')) return true;
  if (KILL_HEADLINE.test(item.headline.slice(0, 40))) return true;
  const body = shortBody(item);
  return body !== null && KILL_NOTICE.test(body);
}

/** A correction: the signal, or an agency's marker on the headline ("CORRECTED-...", "... (CORRECTED)"). */
export function isCorrection(item: CanonicalItem): boolean {
  return item.signals.includes('correction') || /^\s*(?:corrected|correction)\s*[-:|]|\(corrected\)\s*$/i.test(item.headline);
}

export function versionKind(item: CanonicalItem): VersionKind {
  if (isKill(item)) return 'withdrawn';
  if (isCorrection(item)) return 'corrected';
  return 'updated';
}

/** The relations that attach an item under a new wire id to an earlier one. */
export const PREDECESSOR_LINKS: ReadonlySet<string> = new Set([
  'irel:previousVersion',
  'previousVersion',
  'irel:replaces',
  'replaces',
  'irel:rewriteOf',
  'rewriteOf',
  'irel:isRewriteOf',
]);

/**
 * At most this many predecessor ids are followed. A version names one or two; an item naming
 * thousands would make every lookup and every index write of its story that much larger.
 */
export const MAX_LINKED_GUIDS = 100;

/** The wire ids an item names as its predecessors, each once, in order, at most MAX_LINKED_GUIDS. */
export function linkedGuids(item: CanonicalItem): string[] {
  const guids = new Set<string>();
  for (const l of item.wire.links ?? []) {
    if (guids.size >= MAX_LINKED_GUIDS) break;
    if (PREDECESSOR_LINKS.has(l.rel) && l.guid && l.guid !== item.wire.guid) guids.add(l.guid);
  }
  return [...guids];
}

interface Scored {
  candidate: CandidateStory;
  verdict: TextVerdict;
  comparedVersion: number;
}

/** Hours between two instants (ISO), null when either is unknown. */
function hoursBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const ms = Math.abs(Date.parse(a) - Date.parse(b));
  return Number.isNaN(ms) ? null : ms / 3600_000;
}

function bestText(fp: TextFingerprint, item: CanonicalItem, candidates: CandidateStory[]): { best?: Scored; all: Scored[] } {
  const kill = isKill(item);
  const correction = isCorrection(item) || kill;
  const time = positionOf(item).time;
  const all: Scored[] = [];
  for (const candidate of candidates) {
    let top: Scored | undefined;
    const context = { kill, hoursApart: hoursBetween(time, candidate.current.time) };
    for (const { version, fingerprint } of candidate.fingerprints) {
      const verdict = compareText(fp, fingerprint, correction, context);
      if (!top || (verdict.match && (!top.verdict.match || verdict.score > top.verdict.score))) top = { candidate, verdict, comparedVersion: version };
    }
    if (top) all.push(top);
  }
  const matching = all.filter((s) => s.verdict.match).sort((a, b) => b.verdict.score - a.verdict.score);
  return { best: matching[0], all };
}

function textEvidence(s: Scored, others: Scored[]): MatchEvidence {
  const v = s.verdict;
  return {
    basis: v.rule === 'flash-headline' || v.rule === 'kill-headline' ? 'headline' : 'near-duplicate',
    score: v.score,
    comparedVersion: s.comparedVersion,
    rule: v.rule,
    scores: { ...v.similarity },
    candidates: others.length,
    reason: `text matched (${v.rule}): jaccard ${v.similarity.jaccard}, containment ${v.similarity.containment}, headline ${v.similarity.headline}, shared paragraphs ${v.similarity.sharedParagraphs}, dateline ${v.similarity.dateline}`,
  };
}

/** Why nothing matched: the closest candidate's scores, and the veto that kept it apart. */
function noMatchEvidence(all: Scored[]): MatchEvidence {
  if (all.length === 0) return { basis: 'none', candidates: 0, reason: 'no candidate story from this source and language in the window' };
  const closest = [...all].sort((a, b) => b.verdict.similarity.jaccard - a.verdict.similarity.jaccard)[0].verdict;
  const why = closest.veto ? `, kept apart (${closest.veto})` : '';
  return {
    basis: 'none',
    candidates: all.length,
    scores: { ...closest.similarity },
    ...(closest.veto ? { rule: `veto:${closest.veto}` } : {}),
    reason: `${all.length} candidate(s), none matched; closest jaccard ${closest.similarity.jaccard}, headline ${closest.similarity.headline}${why}`,
  };
}

/** At most this many ids are named in a reason; the rest are counted. */
const REASON_IDS = 5;

/** The first of `ids` that `held` contains. */
function firstHeld(ids: string[], held: string[]): string | undefined {
  const set = new Set(held);
  return ids.find((id) => set.has(id));
}

function listed(ids: string[]): string {
  const named = ids.slice(0, REASON_IDS).join(', ');
  return ids.length > REASON_IDS ? `${named} and ${ids.length - REASON_IDS} more` : named;
}

/**
 * Decides for one item against the candidates found for it.
 * 1. Identity: the story that holds the item's wire id, else the story a predecessor link
 *    names. An item with a wire id that neither finds is a new story: ids are not text-matched.
 * 2. Text, for items without an id: the best candidate whose text matches (see compareText).
 * 3. The same content hash and status as a version of that story is a duplicate. Anything
 *    else is a new version: current unless it is older than the current one or the story
 *    has been withdrawn (a late original after its kill stays suppressed).
 */
export function decide(item: CanonicalItem, fp: TextFingerprint, candidates: CandidateStory[]): Decision {
  const guid = item.wire.guid ?? null;
  let story: CandidateStory | undefined;
  let match: MatchEvidence;
  if (guid) {
    const links = linkedGuids(item);
    const byGuid = candidates.find((c) => c.wireGuids.includes(guid));
    // One set of the item's links, so that many links against stories with many ids cost their sum, not their product.
    const linkSet = new Set(links);
    const byLink = byGuid || linkSet.size === 0 ? undefined : candidates.find((c) => c.wireGuids.some((g) => linkSet.has(g)));
    story = byGuid ?? byLink;
    match = byGuid
      ? { basis: 'wire-guid', score: 1, comparedVersion: byGuid.currentVersion, reason: `same wire id ${guid}` }
      : byLink
        ? { basis: 'wire-link', score: 1, comparedVersion: byLink.currentVersion, reason: `linked to ${firstHeld(links, byLink.wireGuids)}` }
        : { basis: 'none', reason: `new wire id ${guid}${links.length ? `; linked ids not seen yet: ${listed(links)}` : ''}` };
  } else {
    const { best, all } = bestText(fp, item, candidates);
    story = best?.candidate;
    match = best ? textEvidence(best, all) : noMatchEvidence(all);
  }

  if (!story) return { outcome: 'new-story', kind: isKill(item) ? 'withdrawn' : 'created', match };
  if (story.contentHashes.includes(item.contentHash) && item.pubStatus === story.pubStatus) {
    return { outcome: 'duplicate', storyId: story.storyId, match: { ...match, reason: `${match.reason}; same content as a stored version` } };
  }
  const order = compareVersions(positionOf(item), story.current);
  const kill = isKill(item);
  let current = order >= 0;
  let why = order < 0 ? 'older than the current version, kept in history' : 'newer than the current version';
  if (story.withdrawn && !kill) {
    current = false;
    why = 'the story was withdrawn, kept in history';
  } else if (story.withdrawn && kill) {
    current = false;
    why = 'the story was already withdrawn';
  }
  return { outcome: 'new-version', storyId: story.storyId, kind: versionKind(item), current, match: { ...match, reason: `${match.reason}; ${why}` } };
}
