import type { CanonicalItem } from '@copydesk/contracts';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import type { FormatParseContext } from '../wire-format-handler.types';
import { honourDeclaredEncoding } from '../xml/declared-encoding';
import { children } from '../xml/xml-query';
import { readXml } from '../xml/xml-reader';
import { isStoryDraft } from '../xml/story-draft.filter';
import { mapNewsMl12Item } from './newsml12-item.mapper';

/** A NewsML 1.x document: each `NewsItem` is a story (AFP, ANA-MPA send one). */
export function parseNewsMl12(text: string, ctx: FormatParseContext): CanonicalItem[] {
  const root = readXml(honourDeclaredEncoding(text));
  if (root.name !== 'NewsML') {
    throw new WireFormatError(WireFormatErrorCode.UNKNOWN_FORMAT, 'Not a NewsML 1.x document', { root: root.name });
  }
  return children(root, 'NewsItem')
    .map((item) => mapNewsMl12Item(item, ctx.timeZone))
    .filter(isStoryDraft)
    .map(createCanonicalItem);
}
