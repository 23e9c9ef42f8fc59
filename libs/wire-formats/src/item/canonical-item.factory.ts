import type { CanonicalItem } from '@copydesk/contracts';
import { contentHash } from '../hash/content-hash';

/** What a parser must supply; everything else has a default. */
export type CanonicalItemDraft = Pick<CanonicalItem, 'format' | 'headline'> &
  Partial<Omit<CanonicalItem, 'format' | 'headline' | 'contentHash'>>;

/** Fills the defaults (usable, no signals, no subjects, empty lists) and computes the content hash. */
export function createCanonicalItem(draft: CanonicalItemDraft): CanonicalItem {
  const item: Omit<CanonicalItem, 'contentHash'> = {
    wire: {},
    summary: [],
    body: [],
    media: [],
    subjects: [],
    pubStatus: 'usable',
    signals: [],
    ...dropUndefined(draft),
  };
  return { ...item, contentHash: contentHash(item) };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
