import { rootElementName } from '../xml/xml-root';
import type { WireFormatHandler } from '../wire-format-handler.types';
import { parseRitzau } from './ritzau.parser';

/** Ritzau (Danish agency) RBNews XML, sniffed by its root element. */
export const ritzauHandler: WireFormatHandler = {
  format: 'ritzau',
  family: 'xml',
  mediaTypes: [],
  sniff: (text) => {
    const root = rootElementName(text);
    return root === 'RBNews' || root === 'XMLNewsQueuedResponse';
  },
  parse: parseRitzau,
};
