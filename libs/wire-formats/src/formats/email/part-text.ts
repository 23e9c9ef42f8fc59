import libmime from 'libmime';
import { decode as decodeQuotedPrintable } from 'libqp';
import { decodeText } from '../../decode/decode-text';
import type { MimeEntity } from './mime-entity.reader';
import { headerValue } from './mime-entity.reader';

/**
 * The text of a text part: transfer decoding (quoted-printable, base64; 7bit and 8bit as they are), then the
 * part's declared charset, then format=flowed. A part sent 8bit was already decoded with the message (UTF-8 when
 * its bytes are, else windows-1252): its characters are taken as they are.
 */
export function partText(entity: MimeEntity): string {
  const encoding = (headerValue(entity, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  const charset = entity.params.charset?.trim() || undefined;
  let text: string;
  if (encoding === 'base64') {
    text = decodeText(Buffer.from(entity.body, 'base64'), charset).text;
  } else if (encoding === 'quoted-printable') {
    // Escapes stand for bytes in the part's charset (a stray 8-bit character is taken as its UTF-8 bytes).
    text = decodeText(decodeQuotedPrintable(entity.body), charset).text;
  } else {
    text = entity.body;
  }
  if ((entity.params.format ?? '').toLowerCase() === 'flowed') {
    text = libmime.decodeFlowed(text, (entity.params.delsp ?? '').toLowerCase() === 'yes');
  }
  return text;
}
