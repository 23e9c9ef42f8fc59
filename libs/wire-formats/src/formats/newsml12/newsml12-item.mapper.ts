import type { MediaItem, Signal, Subject } from '@copydesk/contracts';
import type { CanonicalItemDraft } from '../../item/canonical-item.factory';
import { nitfBodyParts, type NitfBodyParts } from '../nitf/nitf-document.mapper';
import { fallbackHeadline } from '../xml/fallback-headline';
import { readHtmlFragment } from '../xml/html-fragment.reader';
import { IPTC_SUBJECT_SCHEME, topLevelSubjectName, uniqueSubjects } from '../xml/iptc-subject-names';
import { readMarkupBody } from '../xml/markup-body.reader';
import { isElement, type XmlElement } from '../xml/xml-node.types';
import { at, attr, child, children, datelineText, descendant, rawText, textOf, urgencyOf } from '../xml/xml-query';
import { parseWireDate } from '../xml/wire-date';
import { editorialMarkers, mergeSignals } from '../xml/wire-signals';
import { g2PubStatus } from '../newsml-g2/g2-codes';

const SUBJECT_LEVELS = new Set(['Subject', 'SubjectMatter', 'SubjectDetail']);
const MEDIA_TYPES: Readonly<Record<string, MediaItem['kind']>> = { photo: 'picture', picture: 'picture', graphic: 'graphic', video: 'video', audio: 'audio' };
const INSTRUCTIONS: Readonly<Record<string, Signal>> = {
  update: 'update',
  rectify: 'update',
  correction: 'correction',
  correct: 'correction',
  kill: 'kill',
  delete: 'kill',
};

/** A NewsML 1.x `NewsItem` to an item draft; the text comes from the first text `ContentItem` of its components. */
export function mapNewsMl12Item(item: XmlElement, timeZone: string): CanonicalItemDraft {
  const identifier = at(item, 'Identification', 'NewsIdentifier');
  const management = child(item, 'NewsManagement');
  const component = child(item, 'NewsComponent');
  const components = allComponents(component);
  const lines = firstChild(components, 'NewsLines');
  const descriptive = firstChild(components, 'DescriptiveMetadata');
  const content = textContent(components);
  const revision = textOf(child(identifier, 'RevisionId'));
  const pubStatus = g2PubStatus(attr(child(management, 'Status'), 'FormalName'));
  const slug = textOf(child(lines, 'SlugLine'));
  const summary = textOf(child(lines, 'SubHeadLine'));
  const body = content.body ?? [];
  const headline = fallbackHeadline(body, textOf(child(lines, 'HeadLine')), content.headline);
  const markers = editorialMarkers({ headline, slug, lead: body[0]?.text });
  const revised = revision !== undefined && revision !== '1' && revision !== '0';
  return {
    format: 'newsml-1.2',
    headline,
    wire: {
      ...(stableGuid(identifier, revision) ? { guid: stableGuid(identifier, revision) } : {}),
      ...(revision ? { version: revision } : {}),
      ...(slug ? { slug } : {}),
      ...(markers.takeKey ? { takeKey: markers.takeKey } : {}),
    },
    summary: summary ? [summary] : (content.summary ?? []),
    byline: textOf(child(lines, 'ByLine')) ?? content.byline,
    dateline: datelineText(textOf(child(lines, 'DateLine')) ?? content.dateline),
    body,
    media: [...(content.media ?? []), ...mediaComponents(components)],
    language: attr(child(descriptive, 'Language'), 'FormalName')?.toLowerCase() ?? attr(item, 'lang'),
    subjects: subjectsOf(components),
    urgency: urgencyOf(attr(child(management, 'Urgency'), 'FormalName')),
    pubStatus,
    signals: mergeSignals(markers.signals, instructionSignals(management), revised ? ['update'] : [], pubStatus === 'canceled' ? ['kill'] : []),
    embargo: embargoOf(management, timeZone),
    keywords: [
      ...children(lines, 'KeywordLine').map((line) => textOf(line)),
      ...children(descriptive, 'Property')
        .filter((property) => attr(property, 'FormalName') === 'Keyword')
        .map((property) => attr(property, 'Value')),
    ].filter((keyword): keyword is string => keyword !== undefined),
    genres: children(descriptive, 'Genre').flatMap((genre) => (attr(genre, 'FormalName') ? [{ code: attr(genre, 'FormalName') }] : [])),
    usageTerms: textOf(at(firstChild(components, 'RightsMetadata'), 'UsageRights', 'UsageType')),
    firstCreated: parseWireDate(textOf(child(management, 'FirstCreated')), timeZone),
    versionCreated: parseWireDate(textOf(child(management, 'ThisRevisionCreated')), timeZone),
  };
}

/** The PublicIdentifier without its revision suffix, so every revision of a story shares it. */
function stableGuid(identifier: XmlElement | undefined, revision: string | undefined): string | undefined {
  const publicId = textOf(child(identifier, 'PublicIdentifier'));
  if (publicId) {
    const cut = publicId.lastIndexOf(':');
    return revision && cut > 0 && publicId.slice(cut + 1).startsWith(revision) ? publicId.slice(0, cut) : publicId;
  }
  const parts = ['ProviderId', 'DateId', 'NewsItemId'].map((name) => textOf(child(identifier, name)));
  return parts.every((part) => part) ? `urn:newsml:${parts.join(':')}` : undefined;
}

/** The component and every nested one, level by level. */
function allComponents(root: XmlElement | undefined): XmlElement[] {
  const found: XmlElement[] = root ? [root] : [];
  for (let i = 0; i < found.length; i++) {
    for (const nested of children(found[i], 'NewsComponent')) found.push(nested);
  }
  return found;
}

function firstChild(components: readonly XmlElement[], name: string): XmlElement | undefined {
  for (const component of components) {
    const found = child(component, name);
    if (found) return found;
  }
  return undefined;
}

function textContent(components: readonly XmlElement[]): NitfBodyParts {
  const items = components.flatMap((component) => children(component, 'ContentItem'));
  const text = items.find((item) => /text/i.test(attr(child(item, 'MediaType'), 'FormalName') ?? '')) ?? items[0];
  const data = child(text, 'DataContent');
  if (!data) return { body: [], media: [], summary: [] };
  const nitf = descendant(data, 'nitf');
  if (nitf) return nitfBodyParts(nitf);
  if (data.children.some(isElement)) return { ...readMarkupBody(data), summary: [] };
  const raw = rawText(data);
  if (raw.includes('<')) return { ...readMarkupBody(readHtmlFragment(raw)), summary: [] };
  return { ...readMarkupBody({ name: 'body', attrs: {}, children: [{ name: 'pre', attrs: {}, children: [raw] }] }), summary: [] };
}

function subjectsOf(components: readonly XmlElement[]): Subject[] {
  const subjects: Subject[] = [];
  for (const component of components) {
    for (const code of children(child(component, 'DescriptiveMetadata'), 'SubjectCode')) {
      for (const level of children(code)) {
        const formal = attr(level, 'FormalName');
        if (!SUBJECT_LEVELS.has(level.name) || !formal) continue;
        const name = topLevelSubjectName(formal);
        subjects.push({ code: formal, scheme: IPTC_SUBJECT_SCHEME, ...(name ? { name } : {}) });
      }
    }
    for (const topic of children(child(component, 'TopicSet'), 'Topic')) {
      const formal = textOf(child(topic, 'FormalName'));
      if (!formal) continue;
      const names = children(topic, 'Description').filter((d) => attr(d, 'Variant') === 'Name');
      const name = textOf(names.find((d) => attr(d, 'lang') === 'en') ?? names[0]);
      subjects.push({ code: formal, scheme: IPTC_SUBJECT_SCHEME, ...(name ? { name } : {}) });
    }
  }
  return uniqueSubjects(subjects);
}

/** `<Instruction FormalName="Correction">` and the like in NewsManagement. */
function instructionSignals(management: XmlElement | undefined): Signal[] {
  return children(management, 'Instruction')
    .map((instruction) => INSTRUCTIONS[attr(instruction, 'FormalName')?.toLowerCase() ?? ''])
    .filter((signal): signal is Signal => signal !== undefined);
}

/** Photo, graphic, video and audio components: the first rendition with a link, captioned by a text item beside it or the component's headline. */
function mediaComponents(components: readonly XmlElement[]): MediaItem[] {
  return components.flatMap((component): MediaItem[] => {
    const items = children(component, 'ContentItem');
    const rendition = items.find((item) => MEDIA_TYPES[attr(child(item, 'MediaType'), 'FormalName')?.toLowerCase() ?? ''] && attr(item, 'Href'));
    if (!rendition) return [];
    const kind = MEDIA_TYPES[attr(child(rendition, 'MediaType'), 'FormalName')?.toLowerCase() ?? ''];
    const captionItem = [component, ...children(component, 'NewsComponent')]
      .flatMap((part) => children(part, 'ContentItem'))
      .find((item) => /text/i.test(attr(child(item, 'MediaType'), 'FormalName') ?? '') && child(item, 'DataContent'));
    const caption = textOf(child(captionItem, 'DataContent')) ?? textOf(child(child(component, 'NewsLines'), 'HeadLine'));
    const mimeType = attr(child(rendition, 'MimeType'), 'FormalName');
    return [{ kind, href: attr(rendition, 'Href'), ...(mimeType ? { mimeType } : {}), ...(caption ? { caption } : {}) }];
  });
}

/** An embargoed item says when it becomes usable: `<StatusWillChange>` with a usable future status and a time. */
function embargoOf(management: XmlElement | undefined, timeZone: string): string | undefined {
  const change = child(management, 'StatusWillChange');
  const future = attr(child(change, 'FutureStatus'), 'FormalName')?.toLowerCase();
  return future === undefined || future === 'usable' ? parseWireDate(textOf(child(change, 'DateAndTime')), timeZone) : undefined;
}
