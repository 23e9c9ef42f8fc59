import { rootElementName } from '../xml/xml-root';
import type { WireFormatHandler } from '../wire-format-handler.types';
import { parseNitf } from './nitf.parser';

/** NITF 3.x (AAP, AP, PA, EFE, NTB …), sniffed by its `<nitf>` root. */
export const nitfHandler: WireFormatHandler = {
  format: 'nitf',
  family: 'xml',
  mediaTypes: ['application/nitf+xml', 'application/vnd.nitf+xml', 'text/vnd.iptc.nitf+xml', 'text/vnd.iptc.nitf'],
  sniff: (text) => rootElementName(text) === 'nitf',
  parse: parseNitf,
};
