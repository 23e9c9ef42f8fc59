import type { WireFormatHandler } from '../wire-format-handler.types';
import { looksLikeTextPage, parseTextPage } from './text-page.parser';

export const textPageHandler: WireFormatHandler = {
  format: 'text-page',
  family: 'text',
  mediaTypes: [],
  sniff: looksLikeTextPage,
  parse: parseTextPage,
};
