import { createHash } from 'node:crypto';
import type { CanonicalItem, WireIdentity } from '@copydesk/contracts';
import { contentHash } from '../hash/content-hash';

/** What a parser must supply; everything else has a default. */
export type CanonicalItemDraft = Pick<CanonicalItem, 'format' | 'headline'> & Partial<Omit<CanonicalItem, 'format' | 'headline' | 'contentHash'>>;

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
 * Fills the defaults (usable, no signals, no subjects, empty lists; empty optional lists left out), makes every string storable
 * (no NUL, which PostgreSQL refuses in text and jsonb, and no lone surrogate, which it refuses in
 * jsonb: the parsers' text normalisation handles their text, and ids and values taken as they are
 * are made storable here), keys over-long wire ids by their digest and computes the content hash.
 */
export function createCanonicalItem(draft: CanonicalItemDraft): CanonicalItem {
  const clean = storable(dropUndefined(draft));
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

/** Optional lists a parser may leave empty: an empty one is left out, as an absent field is. */
const OPTIONAL_LISTS: ReadonlySet<string> = new Set(['keywords', 'places', 'genres', 'authors']);

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => v !== undefined && !(OPTIONAL_LISTS.has(k) && Array.isArray(v) && v.length === 0))) as T;
}

// Half of a surrogate pair without the other half (JSON text can escape one: "\ud800").
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A string PostgreSQL stores: NULs taken out, lone surrogates made U+FFFD. */
function storableString(text: string): string {
  const withoutNul = text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(withoutNul) ? withoutNul.replace(LONE_SURROGATE, '\ufffd') : withoutNul;
}

/** The value with every string storable, at any depth (an item is plain JSON data). */
function storable<T>(value: T): T {
  if (typeof value === 'string') return storableString(value) as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, storable(v)])) as T;
  }
  return value;
}
