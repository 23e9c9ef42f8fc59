import type { CanonicalItem, MediaItem } from '@copydesk/contracts';

/**
 * One entry of the list a Superdesk parser returns, rebuilt from canonical items. Superdesk emits a story's
 * embedded pictures as items of their own (before the story for ninjs, after it for the BBC variant); a
 * canonical item keeps them as its media. A media-only item (a picture) is one entry of its media kind.
 */
export interface ViewEntry {
  item: CanonicalItem;
  /** Set when the entry stands for one of the item's media. */
  media?: MediaItem;
  /** Superdesk's item type: "text", "picture", "video", … */
  type: string;
}

/** Where a parser lists a story's embedded media: before the story, after it, or not at all. */
export type MediaOrder = 'media-first' | 'story-first' | 'stories-only';

export function storyEntry(item: CanonicalItem): ViewEntry {
  const mediaOnly = item.body.length === 0 && item.media.length > 0;
  return { item, type: mediaOnly ? item.media[0].kind : 'text' };
}

/** The entries Superdesk would list for these items, in its order. */
export function superdeskView(items: readonly CanonicalItem[], order: MediaOrder): ViewEntry[] {
  return items.flatMap((item) => {
    const story = storyEntry(item);
    if (story.type !== 'text') return [story];
    if (order === 'stories-only') return [story];
    const media = item.media.map((entry): ViewEntry => ({ item, media: entry, type: entry.kind }));
    return order === 'media-first' ? [...media, story] : [story, ...media];
  });
}

/**
 * Superdesk's ninjs and e-mail parsers list a story's associations as items before it; the BBC variant after it. Every
 * other parser keeps pictures inside the story (feature media) or lists them as items of their own in the file.
 */
export function mediaOrderOf(parser: string): MediaOrder {
  if (parser === 'bbc_ninjs') return 'story-first';
  // Superdesk's e-mail parser lists an attached picture as an item before the text (then a package of both).
  if (parser === 'email_rfc822') return 'media-first';
  return parser.startsWith('ninjs') ? 'media-first' : 'stories-only';
}
