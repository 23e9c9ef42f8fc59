import type { WireFormatHandler } from '../wire-format-handler.types';
import { parsePlainText } from './plain-text.parser';

/** Takes any text no other handler recognised: keep it last in the registry. */
export const plainTextHandler: WireFormatHandler = {
  format: 'plain-text',
  family: 'text',
  mediaTypes: [],
  sniff: () => true,
  parse: parsePlainText,
};
