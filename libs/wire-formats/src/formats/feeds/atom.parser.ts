import type { CanonicalItem } from '@copydesk/contracts';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import type { FormatParseContext } from '../wire-format-handler.types';
import { honourDeclaredEncoding } from '../xml/declared-encoding';
import { children } from '../xml/xml-query';
import { readXml } from '../xml/xml-reader';
import { isStoryDraft } from '../xml/story-draft.filter';
import { mapAtomEntry } from './atom-entry.mapper';

/** An Atom feed (every `<entry>` a story) or a single Atom entry document. */
export function parseAtom(text: string, ctx: FormatParseContext): CanonicalItem[] {
  const root = readXml(honourDeclaredEncoding(text));
  if (root.name !== 'feed' && root.name !== 'entry') {
    throw new WireFormatError(WireFormatErrorCode.UNKNOWN_FORMAT, 'Not an Atom feed', { root: root.name });
  }
  const entries = root.name === 'entry' ? [root] : children(root, 'entry');
  return entries
    .map((entry) => mapAtomEntry(entry, root, ctx.timeZone))
    .filter(isStoryDraft)
    .map(createCanonicalItem);
}
