import { rootElementName } from '../xml/xml-root';
import type { WireFormatHandler } from '../wire-format-handler.types';
import { parseRss } from './rss.parser';

/** RSS 2.0 and 1.0 feeds, WordPress exports (WXR) included, sniffed by the `<rss>` or `<rdf:RDF>` root. */
export const rssHandler: WireFormatHandler = {
  format: 'rss',
  family: 'xml',
  mediaTypes: ['application/rss+xml', 'application/rdf+xml'],
  sniff: (text) => {
    const root = rootElementName(text);
    return root === 'rss' || root === 'RDF';
  },
  parse: parseRss,
};
