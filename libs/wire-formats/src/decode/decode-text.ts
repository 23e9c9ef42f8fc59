import { isUtf8 } from 'node:buffer';
import * as iconv from 'iconv-lite';
import { WireFormatError } from '../errors/wire-format.error';
import { WireFormatErrorCode } from '../errors/wire-format-error-code.enum';
import { detectBom } from './bom';
import { canonicalCharset } from './charset-name';
import { normaliseNewlines } from './newlines';

export interface DecodedText {
  /** NFC text with LF line ends and no BOM. */
  text: string;
  /** Lower-case name of the charset actually used. */
  charset: string;
}

/**
 * Bytes to text. Order of evidence: a byte-order mark; then the declared charset; then the bytes themselves.
 * - No declaration, or UTF-8/US-ASCII declared: UTF-8 when the bytes are valid UTF-8, else windows-1252
 *   (the usual truth behind a wrong or missing label).
 * - ISO-8859-1 declared: decoded as windows-1252 (its superset for printable text, as browsers do);
 *   reported as "windows-1252" only when bytes 0x80-0x9F actually occur.
 * - Anything else iconv-lite knows is decoded with it; an unknown declaration is UNSUPPORTED_ENCODING.
 */
export function decodeText(bytes: Buffer, declaredCharset?: string): DecodedText {
  const { text, charset } = decodeBytes(bytes, declaredCharset);
  return { text: normaliseNewlines(text.replace(/^\ufeff/, '')).normalize('NFC'), charset };
}

function decodeBytes(bytes: Buffer, declaredCharset: string | undefined): DecodedText {
  const bom = detectBom(bytes);
  if (bom) {
    const content = bytes.subarray(bom.length);
    return {
      text: bom.charset === 'utf-8' ? content.toString('utf8') : iconv.decode(content, bom.charset, { stripBOM: false }),
      charset: bom.charset,
    };
  }

  const declared = declaredCharset?.trim() ? canonicalCharset(declaredCharset) : undefined;
  if (declaredCharset?.trim() && !declared) {
    throw new WireFormatError(WireFormatErrorCode.UNSUPPORTED_ENCODING, `Unsupported charset "${declaredCharset}"`, {
      charset: declaredCharset,
    });
  }

  switch (declared?.family ?? 'utf-8') {
    case 'utf-8':
      return isUtf8(bytes) ? { text: bytes.toString('utf8'), charset: 'utf-8' } : decodeWindows1252(bytes);
    case 'latin':
      return declared?.name === 'iso-8859-1' && !hasC1Bytes(bytes) ? { text: iconv.decode(bytes, 'latin1'), charset: 'iso-8859-1' } : decodeWindows1252(bytes);
    case 'other': {
      const name = declared?.name ?? 'utf-8';
      return { text: iconv.decode(bytes, name), charset: name };
    }
  }
}

function decodeWindows1252(bytes: Buffer): DecodedText {
  return { text: iconv.decode(bytes, 'windows-1252'), charset: 'windows-1252' };
}

function hasC1Bytes(bytes: Buffer): boolean {
  for (const byte of bytes) {
    if (byte >= 0x80 && byte <= 0x9f) return true;
  }
  return false;
}
