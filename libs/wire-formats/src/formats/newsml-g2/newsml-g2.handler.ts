import { rootElementName } from '../xml/xml-root';
import type { WireFormatHandler } from '../wire-format-handler.types';
import { G2_ROOTS, parseNewsMlG2 } from './newsml-g2.parser';

/** NewsML-G2 news items, package items and news messages, sniffed by their root element. */
export const newsMlG2Handler: WireFormatHandler = {
  format: 'newsml-g2',
  family: 'xml',
  mediaTypes: ['application/vnd.iptc.g2.newsitem+xml', 'application/vnd.iptc.g2.newsmessage+xml', 'application/vnd.iptc.g2.packageitem+xml'],
  sniff: (text) => G2_ROOTS.has(rootElementName(text) ?? ''),
  parse: parseNewsMlG2,
};
