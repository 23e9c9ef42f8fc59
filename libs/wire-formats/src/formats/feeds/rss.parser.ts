import type { CanonicalItem, MediaItem } from '@copydesk/contracts';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import type { FormatParseContext } from '../wire-format-handler.types';
import { honourDeclaredEncoding } from '../xml/declared-encoding';
import { child, children, textOf } from '../xml/xml-query';
import { readXml } from '../xml/xml-reader';
import { isStoryDraft } from '../xml/story-draft.filter';
import { mapRssItem, wxrAttachment } from './rss-item.mapper';

const SKIPPED_POST_TYPES = new Set(['attachment', 'nav_menu_item', 'revision', 'custom_css', 'customize_changeset', 'wp_block']);

/**
 * An RSS 2.0 feed (RSS 1.0 `rdf:RDF` too): every `<item>` is a story. WordPress exports (WXR) are
 * RSS 2.0: their attachments and other non-post entries are not stories, but a post's featured
 * image becomes its media.
 */
export function parseRss(text: string, ctx: FormatParseContext): CanonicalItem[] {
  const root = readXml(honourDeclaredEncoding(text));
  if (root.name !== 'rss' && root.name !== 'RDF') {
    throw new WireFormatError(WireFormatErrorCode.UNKNOWN_FORMAT, 'Not an RSS feed', { root: root.name });
  }
  const channel = child(root, 'channel');
  const items = [...children(channel, 'item'), ...children(root, 'item')];
  const wordpress = child(channel, 'wxr_version') !== undefined;
  const attachments = new Map<string, MediaItem>();
  for (const item of items) {
    const media = postType(item) === 'attachment' ? wxrAttachment(item) : undefined;
    const id = textOf(child(item, 'post_id'));
    if (media && id) attachments.set(id, media);
  }
  const context = { language: textOf(child(channel, 'language')), timeZone: ctx.timeZone, wordpress, attachments };
  return items
    .filter((item) => !SKIPPED_POST_TYPES.has(postType(item) ?? ''))
    .map((item) => mapRssItem(item, context))
    .filter(isStoryDraft)
    .map(createCanonicalItem);
}

function postType(item: Parameters<typeof child>[0]): string | undefined {
  return textOf(child(item, 'post_type'));
}
