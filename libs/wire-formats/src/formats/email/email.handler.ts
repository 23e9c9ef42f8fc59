import type { WireFormatHandler } from '../wire-format-handler.types';
import { parseEmail } from './email.parser';
import { looksLikeEmail } from './email-sniff';

export const emailHandler: WireFormatHandler = {
  format: 'email',
  family: 'text',
  mediaTypes: ['message/rfc822'],
  sniff: looksLikeEmail,
  parse: parseEmail,
};
