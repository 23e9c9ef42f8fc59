import type { BodyBlock, CanonicalItem, MediaItem } from '@copydesk/contracts';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import { normaliseText } from '../../text/normalise-text';
import { shortenHeadline } from '../plain-text/headline';
import type { FormatParseContext } from '../wire-format-handler.types';
import { field, isJsonObject, JsonObject, objectList, parseJsonPayload, stringField } from './json-object';
import { pubStatusSignals, toAuthors, toKeywords, toPubStatus, toSignals, toSubjects, toUrgency, uniqueSignals } from './ninjs-fields';
import { associationObjects, mediaKind, toMediaItem } from './ninjs-media';
import { flatText, isHtmlType, plainTextBlocks, roleTexts, textBlocks } from './ninjs-text';
import { toIsoInstant } from './wire-instant';

const NINJS_KEYS = /"(?:uri|guid|headline|headlines|body_html|body_text|bodies|versioncreated|versionCreated|pubstatus|pubStatus)"\s*:/;
const SNIFF_CHARS = 65_536;

/** Whether a JSON payload looks like ninjs (any major version): one of its characteristic keys appears. */
export function looksLikeNinjs(text: string): boolean {
  return NINJS_KEYS.test(text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text);
}

/**
 * IPTC ninjs 1.x (`headline`, `body_html`, `versioncreated`), 2.x (`headlines`, `bodies`, lower-case names) and
 * 3.x (camelCase names): one document, a list of documents, or a `{ "item": [...] }` envelope. Each document
 * is one item; picture and video associations become its media, with caption and credit. Documents with no
 * text and no media are left out (parseWire then reports NO_STORIES).
 */
export function parseNinjs(text: string, _ctx: FormatParseContext): CanonicalItem[] {
  const payload = parseJsonPayload(text, 'ninjs');
  const documents = ninjsDocuments(payload);
  if (documents.length === 0) {
    throw new WireFormatError(WireFormatErrorCode.MALFORMED_INPUT, 'The ninjs payload holds no document object', { reason: 'no-ninjs-document' });
  }
  return documents.map(ninjsToItem).filter(hasContent);
}

/** A document with no text and no media at all (a bare reference) is no story. */
export function hasContent(item: CanonicalItem): boolean {
  return item.headline !== '' || item.body.length > 0 || item.summary.length > 0 || item.media.length > 0;
}

function ninjsDocuments(payload: unknown): JsonObject[] {
  if (Array.isArray(payload)) return objectList(payload);
  if (!isJsonObject(payload)) return [];
  const envelope = field(payload, 'item', 'items');
  if (Array.isArray(envelope) && !('headline' in payload) && !('uri' in payload)) return objectList(envelope);
  return [payload];
}

export function ninjsToItem(document: JsonObject): CanonicalItem {
  const type = stringField(document, 'type');
  const ownMedia = mediaKind(type) ? toMediaItem(document) : undefined;
  const media: MediaItem[] = [...(ownMedia ? [ownMedia] : []), ...associationObjects(document).flatMap((association) => toMediaItem(association) ?? [])];
  const body = ninjsBody(document, ownMedia !== undefined);
  const summary = ownMedia ? [] : ninjsSummary(document);
  const pubStatus = toPubStatus(stringField(document, 'pubstatus', 'pubStatus'));
  const version = stringField(document, 'version');
  const slug = stringField(document, 'slugline', 'slug');
  const guid = stringField(document, 'uri', 'guid', 'id');
  return createCanonicalItem({
    format: 'ninjs',
    wire: { ...(guid ? { guid } : {}), ...(version ? { version } : {}), ...(slug ? { slug } : {}) },
    headline: ninjsHeadline(document, summary, body, ownMedia),
    summary,
    byline: normalisedOrUndefined(stringField(document, 'byline', 'by')),
    dateline: normalisedOrUndefined(stringField(document, 'located')),
    body,
    media,
    language: stringField(document, 'language'),
    subjects: toSubjects(field(document, 'subject', 'subjects')),
    urgency: toUrgency(field(document, 'urgency')),
    pubStatus,
    signals: uniqueSignals([...toSignals(field(document, 'signal', 'signals')), ...pubStatusSignals(pubStatus)]),
    embargo: toIsoInstant(field(document, 'embargoed', 'embargoedUntil', 'embargoeduntil')),
    edNote: normalisedOrUndefined(stringField(document, 'ednote', 'edNote')),
    keywords: toKeywords(field(document, 'keywords')),
    places: toSubjects(field(document, 'place', 'places')),
    genres: toSubjects(field(document, 'genre', 'genres')),
    authors: toAuthors(field(document, 'authors', 'people')),
    usageTerms: normalisedOrUndefined(stringField(document, 'usageterms', 'usageTerms')),
    expires: toIsoInstant(field(document, 'expiry', 'expires')),
    firstCreated: toIsoInstant(field(document, 'firstcreated', 'firstCreated')),
    versionCreated: toIsoInstant(field(document, 'versioncreated', 'versionCreated')),
  });
}

function ninjsHeadline(document: JsonObject, summary: readonly string[], body: readonly BodyBlock[], media: MediaItem | undefined): string {
  const single = stringField(document, 'headline', 'title');
  if (single) return normaliseText(single);
  const headlines = roleTexts(field(document, 'headlines'));
  const main = headlines.find((entry) => entry.role === 'main') ?? headlines[0];
  if (main) return flatText(main);
  const fallback = summary[0] ?? body[0]?.text ?? media?.caption ?? stringField(document, 'slugline') ?? '';
  return shortenHeadline(normaliseText(fallback)).headline;
}

function ninjsSummary(document: JsonObject): string[] {
  const text = stringField(document, 'description_text', 'abstract');
  if (text) return plainTextBlocks(text).map((block) => block.text);
  const html = stringField(document, 'description_html');
  if (html) return textBlocks({ contentType: 'text/html', value: html }).map((block) => block.text);
  const descriptions = roleTexts(field(document, 'descriptions', 'description'));
  const summary = descriptions.find((entry) => entry.role === undefined || /summary|abstract|description|text/.test(entry.role));
  return summary ? textBlocks(summary).map((block) => block.text) : [];
}

function ninjsBody(document: JsonObject, isMedia: boolean): BodyBlock[] {
  const html = stringField(document, 'body_html', 'body_xhtml');
  if (html) return textBlocks({ contentType: 'text/html', value: html });
  const text = stringField(document, 'body_text');
  // A picture's body_text is its alt text, not a story body.
  if (text) return isMedia ? [] : plainTextBlocks(text);
  const bodies = roleTexts(field(document, 'bodies', 'body'));
  const chosen = bodies.find((entry) => isHtmlType(entry.contentType)) ?? bodies[0];
  return chosen ? textBlocks(chosen) : [];
}

function normalisedOrUndefined(text: string | undefined): string | undefined {
  const value = text === undefined ? '' : normaliseText(text);
  return value === '' ? undefined : value;
}
