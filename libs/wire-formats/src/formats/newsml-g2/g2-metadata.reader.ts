import type { Author, Genre, Place } from '@copydesk/contracts';
import type { CanonicalItemDraft } from '../../item/canonical-item.factory';
import type { XmlElement } from '../xml/xml-node.types';
import { attr, child, children, textOf } from '../xml/xml-query';
import { PLACE_TYPES, preferredName, splitQcode } from './g2-codes';

/** STT files its version marker ("Pika+", "Loppuversio") as a genre: it says which cut of the story this is, not its nature. */
const NOT_GENRE_SCHEMES = new Set(['sttversion']);
/** Notes the provider keeps to itself ("sttnote:private"): not for the receiving editors either. */
const PRIVATE_NOTE = /:private$/i;

export type G2Metadata = Pick<CanonicalItemDraft, 'edNote' | 'keywords' | 'places' | 'genres' | 'authors' | 'usageTerms'>;

/** Editorial note, keywords, places, genres, authors and usage terms of a `newsItem` or `packageItem`. */
export function readG2Metadata(item: XmlElement): G2Metadata {
  const itemMeta = child(item, 'itemMeta');
  const contentMeta = child(item, 'contentMeta');
  const notes = children(itemMeta, 'edNote')
    .filter((note) => !PRIVATE_NOTE.test(attr(note, 'role') ?? ''))
    .map((note) => textOf(note))
    .filter((note): note is string => note !== undefined);
  return {
    edNote: notes.length > 0 ? notes.join('\n') : undefined,
    keywords: children(contentMeta, 'keyword')
      .map((keyword) => textOf(keyword))
      .filter((keyword): keyword is string => keyword !== undefined),
    places: g2Places(contentMeta, children(item, 'assert')),
    genres: children(contentMeta, 'genre').flatMap(g2Genre),
    authors: children(contentMeta, 'creator').flatMap(g2Author),
    usageTerms: textOf(child(child(item, 'rightsInfo'), 'usageTerms')),
  };
}

/** A concept's code, scheme and name; a `literal` names a concept that has no code. */
function concept(element: XmlElement): Place {
  const split = splitQcode(attr(element, 'qcode'));
  const name = textOf(preferredName(element)) ?? attr(element, 'literal');
  return { ...(split ? { code: split[1], scheme: split[0] } : {}), ...(name ? { name } : {}) };
}

/**
 * Places are `<subject>`s typed as places, each followed by the broader places it names (NAIROBI, then Kenya).
 * STT names its places in an `<assert>` of the same code (`sttlocmeta:default:7576` for `sttlocationalias:7576`).
 */
function g2Places(contentMeta: XmlElement | undefined, asserts: readonly XmlElement[]): Place[] {
  // Asserts by the code their QCode ends with, looked up once each: a find per place would be quadratic.
  const assertsByCode = new Map<string, XmlElement>();
  for (const assert of asserts) {
    const qcode = attr(assert, 'qcode');
    const code = qcode?.slice(qcode.lastIndexOf(':') + 1);
    if (code && !assertsByCode.has(code)) assertsByCode.set(code, assert);
  }
  const places: Place[] = [];
  for (const subject of children(contentMeta, 'subject')) {
    if (!PLACE_TYPES.test(attr(subject, 'type') ?? '')) continue;
    const place = concept(subject);
    if (place.code && !place.name) {
      const assert = assertsByCode.get(place.code);
      const name = textOf(preferredName(assert)) ?? textOf(preferredName(child(assert, 'broader')));
      if (name) place.name = name;
    }
    if (place.code || place.name) places.push(place);
    for (const broader of children(subject, 'broader')) {
      const wider = concept(broader);
      if (wider.code || wider.name) places.push(wider);
    }
  }
  // Several subjects often share a broader place (two German states, one Germany): each place is listed once.
  const seen = new Set<string>();
  return places.filter((place) => {
    const key = place.code ? `${place.scheme ?? ''}:${place.code}` : `name:${place.name ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function g2Genre(element: XmlElement): Genre[] {
  const genre = concept(element);
  if (genre.scheme && NOT_GENRE_SCHEMES.has(genre.scheme)) return [];
  return genre.code || genre.name ? [genre] : [];
}

/** A `<creator>` as an author: its name (or literal), its role, its URI or QCode. */
function g2Author(element: XmlElement): Author[] {
  const name = textOf(preferredName(element)) ?? attr(element, 'literal');
  if (!name) return [];
  const role = attr(element, 'role');
  const uri = attr(element, 'uri') ?? attr(element, 'qcode');
  return [{ name, ...(role ? { role } : {}), ...(uri ? { uri } : {}) }];
}
