import { rootElementName } from '../xml/xml-root';
import type { WireFormatHandler } from '../wire-format-handler.types';
import { parseNewsMl12 } from './newsml12.parser';

/** NewsML 1.x (AFP, ANA-MPA), sniffed by its `<NewsML>` root. */
export const newsMl12Handler: WireFormatHandler = {
  format: 'newsml-1.2',
  family: 'xml',
  mediaTypes: ['application/vnd.iptc.newsml+xml', 'application/newsml+xml'],
  sniff: (text) => rootElementName(text) === 'NewsML',
  parse: parseNewsMl12,
};
