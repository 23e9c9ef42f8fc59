import { rootElementName } from '../xml/xml-root';
import type { WireFormatHandler } from '../wire-format-handler.types';
import { parseAtom } from './atom.parser';

/** Atom feeds and entries (WENN), sniffed by the `<feed>` or `<entry>` root. */
export const atomHandler: WireFormatHandler = {
  format: 'atom',
  family: 'xml',
  mediaTypes: ['application/atom+xml'],
  sniff: (text) => {
    const root = rootElementName(text);
    return root === 'feed' || root === 'entry';
  },
  parse: parseAtom,
};
