import { createHash } from 'node:crypto';
import type { CanonicalItem } from '@copydesk/contracts';
import { normaliseText } from '../text/normalise-text';

/** The parts of an item that are its text. Times, labels, identity and format are deliberately left out. */
export type ContentHashInput = Pick<CanonicalItem, 'headline' | 'summary' | 'dateline' | 'byline' | 'body' | 'media'>;

const HASH_VERSION = 'copydesk-content-v1';

/**
 * Hex SHA-256 over the NFC-normalised, whitespace-collapsed text: headline, summary, byline, dateline,
 * body blocks (with their kind) and media captions and credits. The source update time and any
 * "N sec ago" label are not part of it, so re-scraping an unchanged story gives the same hash,
 * and the same story in two formats hashes alike. JSON encoding keeps the parts unambiguous.
 */
export function contentHash(item: ContentHashInput): string {
  const n = (text: string | undefined) => (text === undefined ? null : normaliseText(text));
  const canonical = JSON.stringify([
    HASH_VERSION,
    n(item.headline),
    item.summary.map(n),
    n(item.byline),
    n(item.dateline),
    item.body.map((block) => [block.kind, n(block.text)]),
    item.media.map((media) => [media.kind, n(media.caption), n(media.credit)]),
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
