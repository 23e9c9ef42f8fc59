import { WireFormatError } from '../errors/wire-format.error';
import { WireFormatErrorCode } from '../errors/wire-format-error-code.enum';
import type { FormatParseContext, WireFormatHandler } from '../formats/wire-format-handler.types';
import { familyOfMediaType, sniffFamily } from './payload-family';

/**
 * Picks the handler for a payload: a handler that names the media type wins outright; otherwise the
 * family (from the media type, or sniffed from the body for generic types) narrows the handlers, and
 * the first of them, in registry order, whose sniff accepts the text is chosen.
 */
export function detectFormat(text: string, ctx: FormatParseContext, handlers: readonly WireFormatHandler[]): WireFormatHandler {
  const { mediaType } = ctx;
  const named = mediaType === undefined ? undefined : handlers.find((handler) => handler.mediaTypes.includes(mediaType));
  if (named) return named;

  const declaredFamily = familyOfMediaType(mediaType);
  if (declaredFamily === 'unsupported') {
    throw new WireFormatError(WireFormatErrorCode.UNKNOWN_FORMAT, 'No parser for this content type', { mediaType });
  }
  const family = declaredFamily === 'sniff' ? sniffFamily(text) : declaredFamily;
  const handler = handlers.find((candidate) => candidate.family === family && candidate.sniff(text, ctx));
  if (!handler) {
    throw new WireFormatError(WireFormatErrorCode.UNKNOWN_FORMAT, `No parser recognises this ${family} payload`, {
      mediaType,
      family,
    });
  }
  return handler;
}
