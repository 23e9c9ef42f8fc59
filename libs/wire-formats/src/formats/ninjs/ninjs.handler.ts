import type { WireFormatHandler } from '../wire-format-handler.types';
import { looksLikeNinjs, parseNinjs } from './ninjs.parser';

export const ninjsHandler: WireFormatHandler = {
  format: 'ninjs',
  family: 'json',
  mediaTypes: ['application/ninjs+json', 'application/vnd.iptc.ninjs+json'],
  sniff: looksLikeNinjs,
  parse: parseNinjs,
};
