import type { WireFormatHandler } from '../wire-format-handler.types';
import { looksLikeApMedia, parseApMedia } from './ap-media.parser';

/** Register before ninjs: AP Media items are ninjs-like and would otherwise be read as plain ninjs. */
export const apMediaHandler: WireFormatHandler = {
  format: 'ap-media',
  family: 'json',
  mediaTypes: [],
  sniff: looksLikeApMedia,
  parse: parseApMedia,
};
