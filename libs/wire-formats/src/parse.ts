import { parseContentType } from '@copydesk/contracts';
import { DEFAULT_TIME_ZONE } from '@copydesk/updated-label';
import { decodeText } from './decode/decode-text';
import { looksBinary } from './detect/binary-content';
import { detectFormat } from './detect/detect-format';
import { WireFormatError } from './errors/wire-format.error';
import { WireFormatErrorCode } from './errors/wire-format-error-code.enum';
import { FORMAT_HANDLERS } from './formats/format-registry';
import { boundItemTimes } from './item/item-times';
import type { FormatParseContext } from './formats/wire-format-handler.types';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_LINE_CHARS, ParseWireInput, ParseWireResult } from './parse-wire.types';

/**
 * Wire bytes to canonical items: check size, decode (BOM, declared charset, else UTF-8 or windows-1252),
 * refuse empty and binary bodies, detect the format (content type, then sniffing), parse, and clamp
 * item times that lie after the capture time.
 * Pure and synchronous; every failure is a WireFormatError with a stable code.
 */
export function parseWire(input: ParseWireInput): ParseWireResult {
  const { body, capturedAt, options = {} } = input;
  if (!(capturedAt instanceof Date) || Number.isNaN(capturedAt.getTime())) {
    throw new WireFormatError(WireFormatErrorCode.INVALID_ARGUMENT, 'capturedAt must be a valid Date', { field: 'capturedAt' });
  }
  if (body.length === 0) {
    throw new WireFormatError(WireFormatErrorCode.EMPTY_BODY, 'The body is empty');
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (body.length > maxBytes) {
    throw new WireFormatError(WireFormatErrorCode.TOO_LARGE, 'The body is larger than allowed', { size: body.length, limit: maxBytes });
  }

  const { mediaType, charset: declaredCharset } = parseContentType(input.contentType);
  const { text, charset } = decodeText(body, declaredCharset);
  if (/^[\s\u00a0\ufeff]*$/.test(text)) {
    throw new WireFormatError(WireFormatErrorCode.EMPTY_BODY, 'The body holds only whitespace', { charset });
  }
  if (looksBinary(text)) {
    throw new WireFormatError(WireFormatErrorCode.UNKNOWN_FORMAT, 'The body looks like binary data, not wire copy', {
      reason: 'binary-content',
      mediaType,
      charset,
    });
  }

  const ctx: FormatParseContext = {
    capturedAt,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    maxLineChars: options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS,
    ...(mediaType ? { mediaType } : {}),
  };
  const handler = detectFormat(text, ctx, FORMAT_HANDLERS);
  const parsed = handler.parse(text, ctx);
  if (parsed.length === 0) {
    throw new WireFormatError(WireFormatErrorCode.NO_STORIES, 'No story found in the body', { format: handler.format, charset });
  }
  // No item may claim a time after its capture: clamped, so a source cannot date copy into the future.
  const items = parsed.map((item) => boundItemTimes(item, capturedAt, options.futureToleranceMs));
  return { format: handler.format, charset, items };
}
