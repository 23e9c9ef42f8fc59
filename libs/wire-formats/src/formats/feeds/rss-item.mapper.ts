import type { MediaItem, Subject } from '@copydesk/contracts';
import type { CanonicalItemDraft } from '../../item/canonical-item.factory';
import { fallbackHeadline } from '../xml/fallback-headline';
import { uniqueSubjects } from '../xml/iptc-subject-names';
import type { XmlElement } from '../xml/xml-node.types';
import { attr, child, children, textOf } from '../xml/xml-query';
import { parseWireDate } from '../xml/wire-date';
import { editorialMarkers } from '../xml/wire-signals';
import { feedBody, mediaKind, plainTitle } from './feed-html';

export interface RssChannelContext {
  language?: string;
  timeZone: string;
  /** WordPress export (WXR): blank-line paragraphs, shortcodes, attachments by post id. */
  wordpress: boolean;
  /** WXR attachments by post id, for a post's `_thumbnail_id`. */
  attachments: ReadonlyMap<string, MediaItem>;
}

/** An RSS 2.0 `<item>` (WordPress WXR posts included) to an item draft. */
export function mapRssItem(item: XmlElement, channel: RssChannelContext): CanonicalItemDraft {
  const content = child(item, 'encoded');
  const description = child(item, 'description');
  const main = feedBody(content ?? description, { autoParagraphs: channel.wordpress && content !== undefined });
  const teaser = content ? feedBody(description).body.map((block) => block.text) : [];
  const excerpt = channel.wordpress ? feedBody(excerptOf(item)).body.map((block) => block.text) : [];
  const headline = fallbackHeadline(main.body, plainTitle(child(item, 'title')));
  const guid = textOf(child(item, 'guid')) ?? textOf(child(item, 'link'));
  const published =
    parseWireDate(textOf(child(item, 'pubDate')), channel.timeZone) ??
    parseWireDate(textOf(child(item, 'date')), channel.timeZone) ??
    parseWireDate(textOf(child(item, 'post_date_gmt')), 'UTC');
  const markers = editorialMarkers({ headline, lead: main.body[0]?.text });
  return {
    format: 'rss',
    headline,
    wire: { ...(guid ? { guid } : {}), ...(markers.takeKey ? { takeKey: markers.takeKey } : {}) },
    summary: excerpt.length > 0 ? excerpt : teaser,
    byline: textOf(child(item, 'creator')) ?? textOf(child(item, 'author')),
    authors: [...children(item, 'creator'), ...children(item, 'author')].flatMap((author) => {
      const name = textOf(author);
      return name ? [{ name }] : [];
    }),
    // WordPress files a post's tags as categories of the `post_tag` domain.
    keywords: children(item, 'category')
      .filter((category) => attr(category, 'domain') === 'post_tag')
      .flatMap((category) => textOf(category) ?? []),
    body: main.body,
    media: [...thumbnail(item, channel), ...attachedImage(item), ...enclosures(item), ...main.media],
    language: channel.language,
    subjects: categories(item),
    signals: markers.signals,
    firstCreated: published,
    versionCreated: parseWireDate(textOf(child(item, 'updated')), channel.timeZone) ?? published,
  };
}

/** A WXR attachment item as the media it describes. */
export function wxrAttachment(item: XmlElement): MediaItem | undefined {
  const href = textOf(child(item, 'attachment_url'));
  if (!href) return undefined;
  const caption = textOf(child(item, 'description')) ?? textOf(excerptOf(item)) ?? textOf(child(item, 'title'));
  // WordPress keeps an image's alt text in `_wp_attachment_image_alt`; where none is set, the attachment's title stands in.
  const altMeta = children(item, 'postmeta').find((entry) => textOf(child(entry, 'meta_key')) === '_wp_attachment_image_alt');
  const altText = textOf(child(altMeta, 'meta_value')) ?? textOf(child(item, 'title'));
  return { kind: 'picture', href, ...(caption ? { caption } : {}), ...(altText ? { altText } : {}) };
}

/** A WXR post may name its image directly (`wp:attachment_url`). */
function attachedImage(item: XmlElement): MediaItem[] {
  const href = textOf(child(item, 'attachment_url'));
  return href ? [{ kind: 'picture', href }] : [];
}

function excerptOf(item: XmlElement): XmlElement | undefined {
  return children(item, 'encoded')[1];
}

function thumbnail(item: XmlElement, channel: RssChannelContext): MediaItem[] {
  const meta = children(item, 'postmeta').find((entry) => textOf(child(entry, 'meta_key')) === '_thumbnail_id');
  const media = channel.attachments.get(textOf(child(meta, 'meta_value')) ?? '');
  return media ? [media] : [];
}

/** `<enclosure>` and Media RSS `<media:content>` / `<media:thumbnail>`. */
function enclosures(item: XmlElement): MediaItem[] {
  const media: MediaItem[] = [];
  for (const element of [...children(item, 'enclosure'), ...children(item, 'content'), ...children(item, 'group').flatMap((g) => children(g, 'content'))]) {
    const href = attr(element, 'url');
    if (!href) continue;
    const mimeType = attr(element, 'type');
    const caption = textOf(child(element, 'description')) ?? textOf(child(element, 'title'));
    const credit = textOf(child(element, 'credit'));
    media.push({
      kind: mediaKind(mimeType ?? attr(element, 'medium')),
      href,
      ...(mimeType ? { mimeType } : {}),
      ...(caption ? { caption } : {}),
      ...(credit ? { credit } : {}),
    });
  }
  return media;
}

function categories(item: XmlElement): Subject[] {
  return uniqueSubjects(
    children(item, 'category').flatMap((category): Subject[] => {
      const name = textOf(category);
      if (!name) return [];
      const scheme = attr(category, 'domain');
      const code = attr(category, 'nicename');
      return [{ name, ...(code ? { code } : {}), ...(scheme ? { scheme } : {}) }];
    }),
  );
}
