import type { Author, CanonicalItem, MediaItem, Subject } from '@copydesk/contracts';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import { normaliseText } from '../../text/normalise-text';
import { field, isJsonObject, JsonObject, objectField, objectList, parseJsonPayload, stringField, stringList } from '../ninjs/json-object';
import { pubStatusSignals, toPubStatus, toSubjects, toUrgency, uniqueSignals } from '../ninjs/ninjs-fields';
import { associationObjects, mediaKind, toMediaItem } from '../ninjs/ninjs-media';
import { hasContent } from '../ninjs/ninjs.parser';
import { plainTextBlocks, textBlocks } from '../ninjs/ninjs-text';
import { toIsoInstant } from '../ninjs/wire-instant';
import type { FormatParseContext } from '../wire-format-handler.types';
import { editorialTypeSignals } from './ap-editorial-types';

const SNIFF_CHARS = 8192;
// AP's own envelope or item keys: ninjs documents carry none of them.
const AP_MARKERS = /"(?:api_version|friendlykey|editorialtypes|description_caption|description_creditline|datelinelocation)"\s*:/;
// AP's routing prefix on slugs and keywords ("BC-" = broadcast/budget copy).
const SLUG_PREFIX = /^BC-/;

export function looksLikeApMedia(text: string): boolean {
  return AP_MARKERS.test(text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text);
}

/**
 * AP Media API JSON: a feed or search page (`data.items[].item`, several items), a single item response
 * (`data.item`), or a bare item. The AP item id (`altids.itemid`) is the wire guid.
 */
export function parseApMedia(text: string, _ctx: FormatParseContext): CanonicalItem[] {
  const payload = parseJsonPayload(text, 'AP Media');
  const items = apItems(payload);
  if (items.length === 0) {
    throw new WireFormatError(WireFormatErrorCode.NO_STORIES, 'The AP Media payload holds no item', { reason: 'no-ap-item' });
  }
  return items.map(apItemToCanonical).filter(hasContent);
}

function apItems(payload: unknown): JsonObject[] {
  if (!isJsonObject(payload)) return [];
  const data = objectField(payload, 'data') ?? payload;
  const single = objectField(data, 'item');
  if (single) return [single];
  const entries = field(data, 'items');
  if (Array.isArray(entries)) {
    return objectList(entries).flatMap((entry): JsonObject[] => {
      const item = objectField(entry, 'item');
      if (item) return [item];
      return field(entry, 'altids') ? [entry] : [];
    });
  }
  return field(data, 'altids', 'headline') !== undefined ? [data] : [];
}

function apItemToCanonical(item: JsonObject): CanonicalItem {
  const altIds = objectField(item, 'altids') ?? {};
  const guid = stringField(altIds, 'itemid') ?? stringField(item, 'uri');
  const version = stringField(item, 'version');
  const slugline = stringField(item, 'slugline');
  const pubStatus = toPubStatus(stringField(item, 'pubstatus'));
  const media = apMedia(item);
  const summaryText = stringField(item, 'description_summary', 'summary');
  const body = stringField(item, 'body_html', 'body_nitf');
  const datelineLocation = objectField(item, 'datelinelocation');
  return createCanonicalItem({
    format: 'ap-media',
    wire: {
      ...(guid ? { guid } : {}),
      ...(version ? { version } : {}),
      ...(slugline ? { slug: slugline.replace(SLUG_PREFIX, '') } : {}),
    },
    headline: normaliseText(stringField(item, 'headline', 'title') ?? slugline ?? ''),
    summary: summaryText ? plainTextBlocks(summaryText).map((block) => block.text) : [],
    byline: apByline(item),
    dateline: datelineLocation ? stringField(datelineLocation, 'city', 'countryareaname', 'countryname') : undefined,
    body: body ? textBlocks({ contentType: 'text/html', value: body }) : [],
    media,
    language: stringField(item, 'language'),
    subjects: apSubjects(field(item, 'subject')),
    urgency: toUrgency(field(item, 'urgency')),
    pubStatus,
    signals: uniqueSignals([
      ...editorialTypeSignals([...stringList(field(item, 'editorialtypes')), ...stringList(field(item, 'signals'))]),
      ...pubStatusSignals(pubStatus),
    ]),
    embargo: toIsoInstant(field(item, 'embargoed')),
    edNote: normalisedOrUndefined(stringField(item, 'ednote')),
    keywords: stringList(field(item, 'keywords'))
      .map(normaliseText)
      .filter((keyword) => keyword !== ''),
    places: toSubjects(field(item, 'place')),
    authors: apAuthors(item),
    // AP sends its usage terms as a list of statements.
    usageTerms: normalisedOrUndefined(stringList(field(item, 'usageterms')).join(' ')),
    firstCreated: toIsoInstant(field(item, 'firstcreated')),
    versionCreated: toIsoInstant(field(item, 'versioncreated')),
  });
}

function apByline(item: JsonObject): string | undefined {
  const bylines = objectList(field(item, 'bylines'))
    .map((entry) => stringField(entry, 'by'))
    .filter((by): by is string => by !== undefined);
  if (bylines.length > 0) return normaliseText(bylines.join(' and '));
  const photographer = objectField(item, 'photographer');
  return photographer ? stringField(photographer, 'name') : undefined;
}

/** The writers named in `bylines` and the photographer, with their roles. */
function apAuthors(item: JsonObject): Author[] {
  const writers = objectList(field(item, 'bylines')).flatMap((entry): Author[] => {
    const name = stringField(entry, 'by');
    return name ? [{ name: normaliseText(name.replace(/^By\s+/i, '')), role: 'writer' }] : [];
  });
  const photographer = objectField(item, 'photographer');
  const photographerName = photographer ? stringField(photographer, 'name') : undefined;
  return photographerName ? [...writers, { name: normaliseText(photographerName), role: 'photographer' }] : writers;
}

function normalisedOrUndefined(text: string | undefined): string | undefined {
  const value = text === undefined ? '' : normaliseText(text);
  return value === '' ? undefined : value;
}

/** A picture item's own media; a text item's associated pictures and videos (references: kind and link only). */
function apMedia(item: JsonObject): MediaItem[] {
  if (!mediaKind(stringField(item, 'type'))) {
    return associationObjects(item).flatMap((association): MediaItem[] => {
      const kind = mediaKind(stringField(association, 'type'));
      const href = stringField(association, 'uri');
      return kind ? [{ kind, ...(href ? { href } : {}) }] : [];
    });
  }
  const media = toMediaItem({ ...item, renditions: field(item, 'renditions') }) ?? { kind: 'picture' };
  const caption = stringField(item, 'description_caption');
  const credit = stringField(item, 'description_creditline');
  const main = objectField(objectField(item, 'renditions') ?? {}, 'main');
  return [
    {
      ...media,
      ...(caption ? { caption: normaliseText(caption) } : {}),
      ...(credit ? { credit: normaliseText(credit) } : {}),
      ...(main && stringField(main, 'href') ? { href: stringField(main, 'href') } : {}),
      ...(main && stringField(main, 'mimetype') ? { mimeType: stringField(main, 'mimetype') } : {}),
    },
  ];
}

/** AP subjects keep their AP scheme; AP category codes ("a", "s") carry the scheme "ap-category". */
function apSubjects(value: unknown): Subject[] {
  return objectList(value).flatMap((entry) =>
    toSubjects([entry]).map((subject) => (subject.scheme || !stringList(entry['rels']).includes('category') ? subject : { ...subject, scheme: 'ap-category' })),
  );
}
