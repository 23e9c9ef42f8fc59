import type { WireFormatHandler } from '../wire-format-handler.types';
import { looksLikeIptc7901, parseIptc7901 } from './iptc7901.parser';

export const iptc7901Handler: WireFormatHandler = {
  format: 'iptc7901',
  family: 'text',
  mediaTypes: ['application/x-iptc7901', 'text/x-iptc7901'],
  sniff: looksLikeIptc7901,
  parse: parseIptc7901,
};
