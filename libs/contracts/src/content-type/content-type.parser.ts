/** A Content-Type header value, read. */
export interface ParsedContentType {
  /** Lower-case "type/subtype", or undefined when absent or not a media type. */
  mediaType?: string;
  /** The charset parameter, unquoted and lower-case, if any. */
  charset?: string;
}

/** Longer values are read only this far: a header cannot cost more than this. */
const MAX_HEADER_LENGTH = 1024;
/** RFC 9110 media-type: token "/" token. */
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/;

/**
 * The one reading of a Content-Type header, for ingest (which refuses a value that is not a
 * media type) and for the parsers (which detect the format by it and decode by its charset):
 * "Text/Plain; charset=\"Windows-1252\"" → { mediaType: "text/plain", charset: "windows-1252" }.
 * Pure; linear in at most the first 1024 characters.
 */
export function parseContentType(header: string | undefined): ParsedContentType {
  if (!header) return {};
  const [type = '', ...params] = header.slice(0, MAX_HEADER_LENGTH).split(';');
  const mediaType = type.trim().toLowerCase();
  const result: ParsedContentType = MEDIA_TYPE.test(mediaType) ? { mediaType } : {};
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase();
    if (value) result.charset = value;
  }
  return result;
}
