import type { CanonicalItem } from '@copydesk/contracts';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import type { FormatParseContext } from '../wire-format-handler.types';
import { honourDeclaredEncoding } from '../xml/declared-encoding';
import { readXml } from '../xml/xml-reader';
import { isStoryDraft } from '../xml/story-draft.filter';
import { mapNitfDocument } from './nitf-document.mapper';

/** An NITF 3.x document: one story. */
export function parseNitf(text: string, ctx: FormatParseContext): CanonicalItem[] {
  const root = readXml(honourDeclaredEncoding(text));
  if (root.name !== 'nitf') {
    throw new WireFormatError(WireFormatErrorCode.UNKNOWN_FORMAT, 'Not an NITF document', { root: root.name });
  }
  const draft = mapNitfDocument(root, ctx.timeZone);
  return isStoryDraft(draft) ? [createCanonicalItem(draft)] : [];
}
