import type { WireFormatHandler } from '../wire-format-handler.types';
import { looksLikeAnpa, parseAnpa } from './anpa.parser';

export const anpaHandler: WireFormatHandler = {
  format: 'anpa1312',
  family: 'text',
  mediaTypes: ['application/x-anpa', 'text/x-anpa', 'application/x-anpa1312'],
  sniff: looksLikeAnpa,
  parse: parseAnpa,
};
