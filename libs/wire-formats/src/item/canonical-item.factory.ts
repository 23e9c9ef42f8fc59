import { createHash } from 'node:crypto';
import type { CanonicalItem, WireIdentity } from '@copydesk/contracts';
import { contentHash } from '../hash/content-hash';

/** What a parser must supply; everything else has a default. */
export type CanonicalItemDraft = Pick<CanonicalItem, 'format' | 'headline'> &
  Partial<Omit<CanonicalItem, 'format' | 'headline' | 'contentHash'>>;

/**
 * Longest wire id kept as it is, in UTF-8 bytes. Ids are unique keys in PostgreSQL B-tree indexes,
 * whose entries cannot exceed about 2,700 bytes; no agency id comes near this.
 */
export const MAX_WIRE_ID_BYTES = 2_000;
const LONG_WIRE_ID_PREFIX = 'urn:copydesk:long-wire-id:sha256:';

/**
 * The id under which a wire id is stored and matched: itself, or for an id too long to index, a
 * SHA-256 digest of the whole id. A digest keeps identity: the same id always gives the same key,
 * so later versions still find their story and links that name the id (digested alike) still
 * match, and two ids differ as keys whenever they differ at all. Cutting the id would merge
 * stories whose ids share a long beginning (feed URLs that differ in a final parameter); refusing
 * the item would lose a story whose copy is fine.
 */
export function wireId(id: string): string {
  if (id.length * 3 <= MAX_WIRE_ID_BYTES || Buffer.byteLength(id, 'utf8') <= MAX_WIRE_ID_BYTES) return id;
  return LONG_WIRE_ID_PREFIX + createHash('sha256').update(id, 'utf8').digest('hex');
}

/**
 * Fills the defaults (usable, no signals, no subjects, empty lists), makes every string storable
 * (no NUL, which PostgreSQL refuses in text and jsonb: the parsers' text normalisation drops it,
 * and ids and values taken as they are lose it here), keys over-long wire ids by their digest and
 * computes the content hash.
 */
export function createCanonicalItem(draft: CanonicalItemDraft): CanonicalItem {
  const clean = withoutNul(dropUndefined(draft));
  const item: Omit<CanonicalItem, 'contentHash'> = {
    wire: {},
    summary: [],
    body: [],
    media: [],
    subjects: [],
    pubStatus: 'usable',
    signals: [],
    ...clean,
  };
  item.wire = keyedWireIds(item.wire);
  return { ...item, contentHash: contentHash(item) };
}

function keyedWireIds(wire: WireIdentity): WireIdentity {
  const keyed: WireIdentity = { ...wire };
  if (wire.guid !== undefined) keyed.guid = wireId(wire.guid);
  if (wire.links) keyed.links = wire.links.map((link) => ({ ...link, guid: wireId(link.guid) }));
  return keyed;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The value with every NUL taken out of its strings, at any depth (an item is plain JSON data). */
function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replaceAll('\u0000', '') : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  }
  return value;
}
