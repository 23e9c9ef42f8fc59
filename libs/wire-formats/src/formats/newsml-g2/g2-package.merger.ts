import type { XmlElement } from '../xml/xml-node.types';
import { attr, children } from '../xml/xml-query';
import type { G2MappedItem } from './g2-item.mapper';

/**
 * Where a package in the same payload groups one text item with pictures, graphics or video, those
 * become the text item's media instead of stories of their own (TT sends a story this way).
 * Items no package ties to a text item are left as they are.
 */
export function mergePackagedMedia(items: readonly G2MappedItem[], packages: readonly XmlElement[]): G2MappedItem[] {
  const byGuid = new Map(items.filter((item) => item.guid).map((item) => [item.guid as string, item]));
  const absorbed = new Set<G2MappedItem>();
  const merged = new Map<G2MappedItem, G2MappedItem>();
  for (const pkg of packages) {
    const members = packageRefs(pkg)
      .map((guid) => byGuid.get(guid))
      .filter((item): item is G2MappedItem => item !== undefined);
    const texts = members.filter((item) => item.kind === 'text');
    if (texts.length !== 1) continue;
    const story = merged.get(texts[0]) ?? texts[0];
    const media = members.filter((item) => item.kind !== 'text' && item.kind !== 'composite');
    if (media.length === 0) continue;
    const packaged = media.flatMap((item) => item.draft.media ?? []);
    const captions = new Set(packaged.map((entry) => entry.caption).filter((caption) => caption !== undefined));
    // The story's own markup often shows the same picture as a thumbnail: the packaged rendition replaces it.
    const own = (story.draft.media ?? []).filter((entry) => entry.caption === undefined || !captions.has(entry.caption));
    merged.set(texts[0], { ...story, draft: { ...story.draft, media: [...packaged, ...own] } });
    for (const item of media) absorbed.add(item);
  }
  return items.filter((item) => !absorbed.has(item)).map((item) => merged.get(item) ?? item);
}

function packageRefs(pkg: XmlElement): string[] {
  return children(children(pkg, 'groupSet')[0], 'group').flatMap((group) =>
    children(group, 'itemRef')
      .map((ref) => attr(ref, 'residref'))
      .filter((guid): guid is string => guid !== undefined),
  );
}
