import type { CanonicalItem } from '@copydesk/contracts';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import type { FormatParseContext } from '../wire-format-handler.types';
import type { XmlElement } from '../xml/xml-node.types';
import { children } from '../xml/xml-query';
import { honourDeclaredEncoding } from '../xml/declared-encoding';
import { readXml } from '../xml/xml-reader';
import { isStoryDraft } from '../xml/story-draft.filter';
import { mapG2Item, type G2MappedItem } from './g2-item.mapper';
import { mergePackagedMedia } from './g2-package.merger';
import { messageOrigin } from './g2-providers';

export const G2_ITEM_ROOTS: ReadonlySet<string> = new Set(['newsItem', 'packageItem']);
export const G2_ROOTS: ReadonlySet<string> = new Set([...G2_ITEM_ROOTS, 'newsMessage']);

/**
 * A NewsML-G2 `newsItem`, `packageItem` or `newsMessage`. Every news item is a story; pictures that a
 * package groups with a text item become that item's media. A package is a story of its own only when
 * the payload holds no news item. Concept, knowledge and planning items are not stories and are skipped.
 */
export function parseNewsMlG2(text: string, ctx: FormatParseContext): CanonicalItem[] {
  const root = readXml(honourDeclaredEncoding(text));
  if (!G2_ROOTS.has(root.name)) {
    throw new WireFormatError(WireFormatErrorCode.UNKNOWN_FORMAT, 'Not a NewsML-G2 news item or message', { root: root.name });
  }
  const elements: XmlElement[] = root.name === 'newsMessage' ? messageItems(root) : [root];
  const origin = root.name === 'newsMessage' ? messageOrigin(root) : undefined;
  const mapped = elements.map((element) => mapG2Item(element, ctx.timeZone, origin));
  const news = mapped.filter((item) => item.kind !== 'composite');
  const packages = elements.filter((element) => element.name === 'packageItem');
  const stories: G2MappedItem[] = news.length > 0 ? mergePackagedMedia(news, packages) : mapped;
  return stories
    .map((item) => item.draft)
    .filter(isStoryDraft)
    .map(createCanonicalItem);
}

function messageItems(message: XmlElement): XmlElement[] {
  const itemSets = children(message, 'itemSet');
  const sets = itemSets.length > 0 ? itemSets : [message];
  return sets.flatMap((set) => children(set).filter((element) => G2_ITEM_ROOTS.has(element.name)));
}
