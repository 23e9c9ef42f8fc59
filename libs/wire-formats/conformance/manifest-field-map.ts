import type { CanonicalItem, MediaItem, Rendition } from '@copydesk/contracts';
import { ActualValue, allText, bodyCandidates, ReadContext } from './actual-value';

/**
 * Why an expectation cannot be compared with a canonical item:
 * - superdesk-config: the value comes from Superdesk configuration the test installed (vocabularies, subject
 *   names, category maps, desks, users, parser defaults), not from the file;
 * - superdesk-bookkeeping: values Superdesk computes for its own records (word counts, ingest sequence
 *   numbers, workflow state, body format flags);
 * - system-level: behaviour of a whole ingest run (packages, publishing, re-ingest, polling tokens);
 * - prose-rule: an expectation written in prose (`__rule`);
 * - superdesk-fallback: the manifest notes say Superdesk's value is what it kept after failing to decode the file,
 *   or what its generic parser left of the wire's own marks where a variant parser's expectation for the same
 *   file and field, without them, is the one compared;
 * - not-in-canonical-item: a property the canonical item has no field for (the originating agency, content
 *   profile, first publication time, private notes, …).
 */
export type SkipClass = 'superdesk-config' | 'superdesk-bookkeeping' | 'system-level' | 'prose-rule' | 'superdesk-fallback' | 'not-in-canonical-item';

export interface SkipRule {
  skip: SkipClass;
  reason: string;
}

export interface CompareRule {
  /** The canonical item path compared, for the report and the README. */
  canonical: string;
  /** A reason to skip the field for some Superdesk parsers, whatever the parse outcome. */
  skipFor?(parser: string): SkipRule | undefined;
  read(ctx: ReadContext): ActualValue | SkipRule;
}

export type FieldRule = CompareRule | SkipRule;

export function isSkip(rule: ActualValue | FieldRule): rule is SkipRule {
  return 'skip' in rule;
}

const skip = (skipClass: SkipClass, reason: string): SkipRule => ({ skip: skipClass, reason });
const noField = (reason: string): SkipRule => skip('not-in-canonical-item', reason);
const text = (...candidates: (string | undefined)[]): ActualValue => ({ kind: 'text', candidates });
const instant = (...candidates: (string | undefined)[]): ActualValue => ({ kind: 'instant', candidates });
const MISSING: ActualValue = { kind: 'text', candidates: [undefined] };

/** The item of a story entry; media entries answer only media fields. */
function story(ctx: ReadContext, read: (item: CanonicalItem) => ActualValue): ActualValue | SkipRule {
  if (!ctx.entry) return MISSING;
  if (ctx.entry.media) return noField('a media entry carries kind, title, caption, credit and href only');
  return read(ctx.entry.item);
}

/** The media an entry stands for: its own, or (for a picture item) the item's first. */
function ownMedia(ctx: ReadContext): MediaItem | undefined {
  if (!ctx.entry) return undefined;
  return ctx.entry.media ?? (ctx.entry.type !== 'text' ? ctx.entry.item.media[0] : undefined);
}

function featureMedia(ctx: ReadContext, read: (media: MediaItem | undefined) => ActualValue): ActualValue | SkipRule {
  return story(ctx, (item) => read(item.media[0]));
}

const guidCandidates = (item: CanonicalItem) => [
  item.wire.guid,
  item.wire.guid && item.wire.version ? `${item.wire.guid}:${item.wire.version}` : undefined,
  superdeskUrn(item.wire.guid),
];

/**
 * Superdesk's ninjs parser, given a uri and no guid, makes its guid a URN of the uri's host and path segments
 * ("http://ninjs.example.com/newsitems/1" → "urn:ninjs.example.com:newsitems:1"); Copydesk keeps the uri itself
 * as the wire guid, the id the agency gave, so that later versions find their story by it.
 */
export function superdeskUrn(uri: string | undefined): string | undefined {
  const match = uri === undefined ? null : /^https?:\/\/([^/?#]+)((?:\/[^/?#]+)*)\/?$/.exec(uri);
  return match ? ['urn', match[1], ...match[2].split('/').filter(Boolean)].join(':') : undefined;
}
const concepts = (values: readonly { code?: string; name?: string }[] | undefined): ActualValue => ({ kind: 'concepts', values: values ?? [] });
const instants = (item: CanonicalItem) => instant(item.versionCreated, item.firstCreated);
const subjectCodes = (item: CanonicalItem): ActualValue => ({ kind: 'codes', values: item.subjects.map((subject) => subject.code ?? '') });
const signals = (item: CanonicalItem): ActualValue => ({ kind: 'codes', values: item.signals });
// Superdesk parsers whose `priority` is the wire's own urgency field (ANPA priority letter, IPTC 7901 priority digit).
const PRIORITY_IS_URGENCY = new Set(['anpa1312', 'ap_anpa1312', 'iptc7901', 'dpa_iptc7901']);

const CONFIG_VOCABULARY = skip('superdesk-config', 'category and vocabulary values come from the vocabularies the test installs');
const BOOKKEEPING = skip('superdesk-bookkeeping', 'a value Superdesk computes for its own records');
const PACKAGE = skip('system-level', 'Superdesk package structure (groups and refs), not a story');

/**
 * Manifest fields (list indexes written "[n]") to canonical item paths. Subjects compare by code: names come
 * from vocabularies. Times compare as instants. Body expectations are HTML; they compare as text.
 */
export const MANIFEST_FIELD_MAP: Readonly<Record<string, FieldRule>> = {
  // Identity and versions
  guid: { canonical: 'wire.guid (or wire.guid + ":" + wire.version)', read: (ctx) => story(ctx, (item) => text(...guidCandidates(item))) },
  uri: { canonical: 'wire.guid', read: (ctx) => story(ctx, (item) => text(item.wire.guid)) },
  ingest_guid: { canonical: 'wire.guid + ":" + wire.version', read: (ctx) => story(ctx, (item) => text(...guidCandidates(item))) },
  version: { canonical: 'wire.version', read: (ctx) => story(ctx, (item) => text(item.wire.version)) },
  slugline: { canonical: 'wire.slug', read: (ctx) => story(ctx, (item) => text(item.wire.slug)) },
  anpa_take_key: { canonical: 'wire.takeKey (spaces ignored)', read: (ctx) => story(ctx, (item) => text(item.wire.takeKey?.replace(/\s+/g, ''))) },
  // Text
  headline: {
    canonical: 'headline (media entries: media.title)',
    read: (ctx) => (ctx.entry?.media ? text(ctx.entry.media.title) : story(ctx, (item) => text(item.headline))),
  },
  byline: {
    canonical: 'byline (media entries: media.credit)',
    read: (ctx) => (ctx.entry?.media ? text(ctx.entry.media.credit) : story(ctx, (item) => text(item.byline))),
  },
  abstract: { canonical: 'summary (joined)', read: (ctx) => story(ctx, (item) => text(item.summary.join(' ') || undefined)) },
  description_text: {
    canonical: 'summary (joined); pictures: media.caption',
    read: (ctx) => {
      const media = ownMedia(ctx);
      if (media) return text(media.caption);
      return story(ctx, (item) => text(item.summary.join(' ') || undefined));
    },
  },
  body_html: {
    canonical: 'body (text of the blocks, with or without the dateline)',
    read: (ctx) => story(ctx, (item) => ({ kind: 'text', candidates: bodyCandidates(item), html: true })),
  },
  'dateline.located.city': { canonical: 'dateline (its place part)', read: (ctx) => story(ctx, (item) => text(item.dateline)) },
  'dateline.text': { canonical: 'dateline (the place that opens it)', read: (ctx) => story(ctx, (item) => text(item.dateline)) },
  language: { canonical: 'language', read: (ctx) => story(ctx, (item) => text(item.language)) },
  // Status, urgency, times
  urgency: { canonical: 'urgency', read: (ctx) => story(ctx, (item) => ({ kind: 'number', value: item.urgency })) },
  priority: {
    canonical: 'urgency (ANPA and IPTC 7901 only)',
    skipFor: (parser) =>
      PRIORITY_IS_URGENCY.has(parser) ? undefined : noField("Superdesk's editorial priority (a message-header or desk field, not the item's urgency)"),
    read: (ctx) => story(ctx, (item) => ({ kind: 'number', value: item.urgency })),
  },
  pubstatus: { canonical: 'pubStatus', read: (ctx) => story(ctx, (item) => text(item.pubStatus)) },
  signal: { canonical: 'signals', read: (ctx) => story(ctx, signals) },
  embargoed: { canonical: 'embargo', read: (ctx) => story(ctx, (item) => instant(item.embargo)) },
  firstcreated: { canonical: 'firstCreated', read: (ctx) => story(ctx, (item) => instant(item.firstCreated)) },
  versioncreated: { canonical: 'versionCreated', read: (ctx) => story(ctx, (item) => instant(item.versionCreated)) },
  // Subjects
  subject: { canonical: 'subjects[].code', read: (ctx) => story(ctx, subjectCodes) },
  'subject[n]': { canonical: 'subjects[i].code', read: (ctx) => story(ctx, (item) => text(item.subjects[ctx.indexes[0]]?.code)) },
  'subject[n].qcode': { canonical: 'subjects[i].code', read: (ctx) => story(ctx, (item) => text(item.subjects[ctx.indexes[0]]?.code)) },
  // Entries and media
  items: skip('prose-rule', 'a prose description of the items'),
  type: {
    canonical: 'entry kind: "text" for a story, media.kind for a picture',
    read: (ctx) => (ctx.entry ? text(ctx.entry.type) : MISSING),
  },
  'associations.featuremedia.type': { canonical: 'media[0].kind', read: (ctx) => featureMedia(ctx, (media) => text(media?.kind)) },
  'associations.featuremedia.description_text': { canonical: 'media[0].caption', read: (ctx) => featureMedia(ctx, (media) => text(media?.caption)) },
  'associations.featuremedia.headline': {
    canonical: 'media[0].title',
    // Superdesk's WXR parser fills a feature picture's mandatory headline with the post's headline.
    skipFor: (parser) => (parser === 'wpwxr' ? skip('superdesk-config', "the post's headline, set as the picture's by default") : undefined),
    read: (ctx) => featureMedia(ctx, (media) => text(media?.title)),
  },
  'associations.featuremedia.guid': noField('media items carry an href, not an id'),
  'associations.featuremedia.state': BOOKKEEPING,
  'associations.featuremedia.alt_text': { canonical: 'media[0].altText', read: (ctx) => featureMedia(ctx, (media) => text(media?.altText)) },
  associations: noField('associations other than media'),
  alt_text: { canonical: 'media.altText (a picture entry)', read: (ctx) => text(ownMedia(ctx)?.altText) },
  // Editorial metadata
  ednote: { canonical: 'edNote', read: (ctx) => story(ctx, (item) => text(item.edNote)) },
  keywords: { canonical: 'keywords', read: (ctx) => story(ctx, (item) => ({ kind: 'codes', values: item.keywords ?? [] })) },
  place: { canonical: 'places (by code or name)', read: (ctx) => story(ctx, (item) => concepts(item.places)) },
  'place[n]': {
    canonical: 'places[i] (by code or name)',
    read: (ctx) => story(ctx, (item) => concepts(item.places?.slice(ctx.indexes[0], ctx.indexes[0] + 1))),
  },
  'place[n].name': { canonical: 'places[i].name', read: (ctx) => story(ctx, (item) => text(item.places?.[ctx.indexes[0]]?.name)) },
  'place[n].qcode': { canonical: 'places[i].code', read: (ctx) => story(ctx, (item) => text(item.places?.[ctx.indexes[0]]?.code)) },
  genre: { canonical: 'genres (by code or name)', read: (ctx) => story(ctx, (item) => concepts(item.genres)) },
  authors: { canonical: 'authors (name, role)', read: (ctx) => story(ctx, (item) => ({ kind: 'authors', values: item.authors ?? [] })) },
  'authors[n]': {
    canonical: 'authors[i] (name, role)',
    read: (ctx) => story(ctx, (item) => ({ kind: 'authors', values: item.authors?.slice(ctx.indexes[0], ctx.indexes[0] + 1) ?? [] })),
  },
  author: { canonical: 'authors[0].name', read: (ctx) => story(ctx, (item) => text(item.authors?.[0]?.name)) },
  usageterms: { canonical: 'usageTerms', read: (ctx) => story(ctx, (item) => text(item.usageTerms)) },
  expiry: { canonical: 'expires', read: (ctx) => story(ctx, (item) => instant(item.expires)) },
  // Whole-result checks
  can_parse: { canonical: 'parseWire returns items', read: () => ({ kind: 'parsed' }) },
  parser_selection: { canonical: 'ParseWireResult.format', read: (ctx) => text(ctx.result.format === 'newsml-g2' ? 'newsml2' : ctx.result.format) },
  encoding: { canonical: 'ParseWireResult.charset', read: (ctx) => text(ctx.result.charset) },
  feed_items_fetched: { canonical: 'items.length', read: (ctx) => ({ kind: 'count', value: ctx.result.items.length }) },
  fixture_literal: { canonical: 'any text of the item', read: (ctx) => story(ctx, (item) => text(allText(item))) },
  // Values read straight from the file
  'fixture_literal.headline': { canonical: 'headline', read: (ctx) => story(ctx, (item) => text(item.headline)) },
  'fixture_literal.title': { canonical: 'headline', read: (ctx) => story(ctx, (item) => text(item.headline)) },
  'fixture_literal.guid': { canonical: 'wire.guid', read: (ctx) => story(ctx, (item) => text(item.wire.guid)) },
  'fixture_literal.doc-id': { canonical: 'wire.guid', read: (ctx) => story(ctx, (item) => text(item.wire.guid)) },
  'fixture_literal.newsItem@guid': { canonical: 'wire.guid', read: (ctx) => story(ctx, (item) => text(item.wire.guid)) },
  'fixture_literal.packageItem@guid': { canonical: 'wire.guid', read: (ctx) => story(ctx, (item) => text(item.wire.guid)) },
  'fixture_literal.newsItem@version': { canonical: 'wire.version', read: (ctx) => story(ctx, (item) => text(item.wire.version)) },
  'fixture_literal.packageItem@version': { canonical: 'wire.version', read: (ctx) => story(ctx, (item) => text(item.wire.version)) },
  'fixture_literal.slugline': { canonical: 'wire.slug', read: (ctx) => story(ctx, (item) => text(item.wire.slug)) },
  'fixture_literal.anpa-keyword': { canonical: 'wire.slug', read: (ctx) => story(ctx, (item) => text(item.wire.slug)) },
  'fixture_literal.pubStatus': { canonical: 'pubStatus ("stat:" prefix dropped)', read: (ctx) => story(ctx, (item) => text(`stat:${item.pubStatus}`)) },
  'fixture_literal.management-status': { canonical: 'pubStatus', read: (ctx) => story(ctx, (item) => text(item.pubStatus)) },
  'fixture_literal.signal': { canonical: 'signals (edStat:U update, C correction, D kill)', read: (ctx) => story(ctx, signals) },
  'fixture_literal.urgency': { canonical: 'urgency', read: (ctx) => story(ctx, (item) => ({ kind: 'number', value: item.urgency })) },
  'fixture_literal.versionCreated': { canonical: 'versionCreated', read: (ctx) => story(ctx, (item) => instant(item.versionCreated)) },
  'fixture_literal.firstCreated': { canonical: 'firstCreated', read: (ctx) => story(ctx, (item) => instant(item.firstCreated)) },
  'fixture_literal.date.issue@norm': { canonical: 'versionCreated or firstCreated', read: (ctx) => story(ctx, instants) },
  'fixture_literal.subject_refnum': { canonical: 'subjects[].code', read: (ctx) => story(ctx, subjectCodes) },
  'fixture_literal.anpa-category': CONFIG_VOCABULARY,
  'fixture_literal.ids': skip('system-level', 'ids listed by a channel poll, not a story'),
  // Superdesk configuration
  anpa_category: CONFIG_VOCABULARY,
  'anpa_category[n].qcode': CONFIG_VOCABULARY,
  'task.desk': skip('superdesk-config', 'desk looked up by the test'),
  original_creator: skip('superdesk-config', 'user looked up by e-mail address'),
  sign_off: skip('superdesk-config', 'user sign-off from the users the test installs'),
  'parser_rule.naive_datetime_Europe/Helsinki': skip('superdesk-config', "the parser's time zone setting, not a property of the file"),
  // Superdesk bookkeeping
  word_count: BOOKKEEPING,
  ingest_provider_sequence: BOOKKEEPING,
  provider_sequence: BOOKKEEPING,
  state: BOOKKEEPING,
  format: skip('superdesk-bookkeeping', 'Superdesk body format flag (HTML or preserved)'),
  archive_description: BOOKKEEPING,
  'flags.marked_for_legal': BOOKKEEPING,
  // System-level behaviour
  groups: PACKAGE,
  'groups[n].id': PACKAGE,
  'groups[n].role': PACKAGE,
  'groups[n].refs': PACKAGE,
  'groups[n].refs[n].idRef': PACKAGE,
  'groups[n].refs[n].residRef': PACKAGE,
  'groups[n].refs[n].contentType': PACKAGE,
  'groups[n].refs[n].itemClass': PACKAGE,
  'groups[n].refs[n].headline': PACKAGE,
  ingested_items: skip('system-level', 'items stored by a whole ingest run (package and members)'),
  ingest_docs_with_same_uri: skip('system-level', 'documents stored across several ingests'),
  article_ids: skip('system-level', 'ids listed by a channel poll'),
  rule: skip('prose-rule', 'an ingest rule in prose'),
  role: skip('system-level', 'the file is the body source of another entry'),
  raises: skip('superdesk-config', 'the sender refused as unknown among the users the test installs'),
  error_code: skip('superdesk-config', 'the sender refused as unknown among the users the test installs'),
  // Properties the canonical item has no field for
  profile: noField('content profile'),
  source: noField('the originating agency as a field'),
  original_source: noField('the originating agency as a field'),
  firstpublished: noField('first publication time'),
  'dateline.source': noField('the agency named in the dateline'),
  'extra.sttnote_private': noField('private notes'),
  'extra.original_article_url': noField('the original article URL'),
};

/** System-level prefixes: every key under them describes an ingest run, not the file. */
export const SYSTEM_LEVEL_PREFIXES: readonly string[] = [
  'package.',
  'published.',
  'archive.',
  'after_cancel_of_later_version.',
  'all_docs_with_same_uri.',
  'ingest_twice_same_version.',
  're_ingest_with_version_11_and_new_headline.',
  'first_ingest.',
  'provider.',
];

// Superdesk's rendition properties, as the canonical rendition spells them.
const RENDITION_PROPERTIES: Readonly<Record<string, keyof Rendition>> = {
  href: 'href',
  mimetype: 'mimeType',
  width: 'width',
  height: 'height',
  sizeinbytes: 'sizeInBytes',
  poi: 'poi',
  residRef: 'residRef',
};
const RENDITION_FIELD = /^renditions(?:\.([A-Za-z0-9_-]{1,40})(?:\.([A-Za-z]{1,20}))?)?$/;

/**
 * `renditions`, `renditions.<name>` and `renditions.<name>.<property>` of the entry's own media (a picture entry,
 * or a picture item); a text story has none. Renditions are named as the wire names them ("baseImage").
 */
export function renditionRule(field: string): CompareRule | undefined {
  const match = RENDITION_FIELD.exec(field);
  if (!match) return undefined;
  const [, name, property] = match;
  const canonicalProperty = property === undefined ? undefined : RENDITION_PROPERTIES[property];
  if (property !== undefined && canonicalProperty === undefined) return undefined;
  return {
    canonical: `media.renditions${name ? `[name=${name}]` : ''}${canonicalProperty ? `.${canonicalProperty}` : ''}`,
    read: (ctx) => {
      const renditions = ownMedia(ctx)?.renditions ?? [];
      if (!name) return { kind: 'record', value: Object.fromEntries(renditions.map((rendition) => [rendition.name, rendition])) };
      const rendition = renditions.find((candidate) => candidate.name === name);
      if (!canonicalProperty) return { kind: 'record', value: rendition };
      const value = rendition?.[canonicalProperty];
      if (typeof value === 'number') return { kind: 'number', value };
      if (typeof value === 'object') return { kind: 'record', value };
      return text(value);
    },
  };
}
