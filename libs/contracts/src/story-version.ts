import { CanonicalItem } from './canonical-item';

/** What dedupe decided about an item that made a new story version. */
export type VersionKind = 'created' | 'updated' | 'corrected' | 'withdrawn';
export const VERSION_KINDS: readonly VersionKind[] = ['created', 'updated', 'corrected', 'withdrawn'];

/** How the item was recognised as belonging to its story. */
export type MatchBasis = 'none' | 'wire-guid' | 'wire-link' | 'headline' | 'near-duplicate';

export interface MatchEvidence {
  basis: MatchBasis;
  /** Similarity score where text decided, 0..1. */
  score?: number;
  /** The story version the item was compared with. */
  comparedVersion?: number;
  reason: string;
  /** The text-matching rule that fired: "near-copy", "contained", "write-through", "flash-headline"... */
  rule?: string;
  /** The measures text matching looked at (Jaccard, containment, headline similarity...). */
  scores?: Record<string, number | string | boolean>;
  /** How many candidate stories the index returned for the item. */
  candidates?: number;
}

/** `story.versions.v1` value, keyed by story id. */
export interface StoryVersionMessage {
  storyId: string;
  version: number;
  kind: VersionKind;
  /** False for a late, older version that goes into history without becoming current. */
  current: boolean;
  sourceId: string;
  submissionId: string;
  itemId: string;
  /** When the story was first seen (ISO). */
  storyCreatedAt: string;
  /** When this version was decided (ISO). */
  decidedAt: string;
  /** The time the story reads as updated at: the source's time if it gave one, else the decision time. */
  updatedAt: string;
  updatedPrecision: 'second' | 'minute' | 'day';
  match: MatchEvidence;
  item: CanonicalItem;
}
