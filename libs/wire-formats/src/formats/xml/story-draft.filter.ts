import type { CanonicalItemDraft } from '../../item/canonical-item.factory';

/**
 * Whether a mapped element is worth an item: it has text, media or at least a wire identity (a kill
 * notice may carry nothing else). An empty `<nitf/>` or `<newsItem/>` is not a story.
 */
export function isStoryDraft(draft: CanonicalItemDraft): boolean {
  return !!(draft.headline || draft.body?.length || draft.media?.length || draft.summary?.length || draft.wire?.guid);
}
