import * as iconv from 'iconv-lite';
import { canonicalCharset } from '../../decode/charset-name';

const PROLOG_ENCODING = /^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Bodies are decoded before their format is known: without a charset in the Content-Type, bytes that
 * are not UTF-8 are read as windows-1252. When the XML declaration names another single-byte or
 * multi-byte charset (ISO-8859-7, windows-1251, Shift_JIS …), this recovers the bytes and decodes them
 * as declared. UTF-8 and the Latin-1 family need nothing; text that was not read as windows-1252 is left alone.
 */
export function honourDeclaredEncoding(text: string): string {
  const declared = PROLOG_ENCODING.exec(text.slice(0, 256))?.[1];
  const charset = declared === undefined ? undefined : canonicalCharset(declared);
  if (!charset || charset.family !== 'other' || charset.name.startsWith('utf-16') || !NON_ASCII.test(text)) return text;
  const bytes = iconv.encode(text, 'windows-1252');
  if (iconv.decode(bytes, 'windows-1252') !== text) return text;
  return iconv.decode(bytes, charset.name).normalize('NFC');
}
