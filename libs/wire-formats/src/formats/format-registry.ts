import { plainTextHandler } from './plain-text/plain-text.handler';
import { textPageHandler } from './text-page/text-page.handler';
import type { WireFormatHandler } from './wire-format-handler.types';

/**
 * Every supported format, in sniffing order: specific formats first, the plain-text fallback last.
 * Adding a format (NITF, NewsML-G2, ninjs, ANPA, RSS, …) is one entry here; XML and JSON payloads
 * get UNKNOWN_FORMAT until a handler of their family is registered.
 */
export const FORMAT_HANDLERS: readonly WireFormatHandler[] = [textPageHandler, plainTextHandler];
