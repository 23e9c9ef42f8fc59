import type { MediaItem, Subject } from '@copydesk/contracts';
import type { CanonicalItemDraft } from '../../item/canonical-item.factory';
import { fallbackHeadline } from '../xml/fallback-headline';
import { uniqueSubjects } from '../xml/iptc-subject-names';
import type { XmlElement } from '../xml/xml-node.types';
import { attr, child, children, textOf } from '../xml/xml-query';
import { parseWireDate } from '../xml/wire-date';
import { editorialMarkers } from '../xml/wire-signals';
import { feedBody, mediaKind, plainTitle } from './feed-html';

/** An Atom `<entry>` to an item draft. WENN's extension elements (article id, first line, times) are honoured. */
export function mapAtomEntry(entry: XmlElement, feed: XmlElement, timeZone: string): CanonicalItemDraft {
  const date = (element: XmlElement | undefined) => parseWireDate(textOf(element), timeZone);
  const management = child(entry, 'NewsManagement');
  const metadata = child(entry, 'ContentMetadata');
  const content = child(entry, 'content');
  const main = feedBody(content, { html: isHtml(content) });
  const summaryElement = child(entry, 'summary') ?? child(metadata, 'first_line');
  const summary = feedBody(summaryElement, { html: isHtml(summaryElement) }).body.map((block) => block.text);
  const headline = fallbackHeadline(main.body, plainTitle(child(entry, 'title'), isHtml(child(entry, 'title'))));
  const guid = textOf(child(management, 'original_article_id')) ?? textOf(child(entry, 'id'));
  const authors = children(entry, 'author').map((author) => textOf(child(author, 'name')) ?? textOf(author));
  const published = date(child(entry, 'published')) ?? date(child(management, 'published')) ?? date(child(entry, 'updated'));
  const updated = date(child(management, 'updated')) ?? date(child(entry, 'updated')) ?? published;
  const markers = editorialMarkers({ headline, lead: main.body[0]?.text });
  return {
    format: 'atom',
    headline,
    wire: { ...(guid ? { guid } : {}), ...(markers.takeKey ? { takeKey: markers.takeKey } : {}) },
    summary,
    byline: authors.filter((name): name is string => !!name).join(', ') || undefined,
    authors: authors.flatMap((name) => (name ? [{ name }] : [])),
    body: main.body,
    media: [...enclosureLinks(entry), ...main.media],
    language: attr(entry, 'lang') ?? attr(metadata, 'lang') ?? attr(feed, 'lang'),
    subjects: categories(entry),
    signals: markers.signals,
    firstCreated: published,
    versionCreated: updated,
  };
}

function isHtml(element: XmlElement | undefined): boolean {
  const type = attr(element, 'type')?.toLowerCase();
  return type === 'html' || type === 'text/html';
}

function enclosureLinks(entry: XmlElement): MediaItem[] {
  return children(entry, 'link')
    .filter((link) => attr(link, 'rel') === 'enclosure' && attr(link, 'href'))
    .map((link): MediaItem => {
      const mimeType = attr(link, 'type');
      const caption = attr(link, 'title');
      return { kind: mediaKind(mimeType), href: attr(link, 'href'), ...(mimeType ? { mimeType } : {}), ...(caption ? { caption } : {}) };
    });
}

function categories(entry: XmlElement): Subject[] {
  return uniqueSubjects(
    children(entry, 'category').flatMap((category): Subject[] => {
      const code = attr(category, 'term');
      const name = attr(category, 'label') ?? code;
      const scheme = attr(category, 'scheme');
      return name ? [{ name, ...(code ? { code } : {}), ...(scheme ? { scheme } : {}) }] : [];
    }),
  );
}
