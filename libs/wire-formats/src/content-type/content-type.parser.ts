export interface ContentType {
  /** Lower-case "type/subtype", or undefined when absent or unreadable. */
  mediaType?: string;
  /** The charset parameter as given (unquoted), if any. */
  charset?: string;
}

const MAX_HEADER_LENGTH = 1024;
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** Reads a Content-Type header value: "text/plain; charset=windows-1252" → { mediaType: "text/plain", charset: "windows-1252" }. */
export function parseContentType(header: string | undefined): ContentType {
  if (!header) return {};
  const [type = '', ...params] = header.slice(0, MAX_HEADER_LENGTH).split(';');
  const mediaType = type.trim().toLowerCase();
  const result: ContentType = MEDIA_TYPE.test(mediaType) ? { mediaType } : {};
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (value) result.charset = value;
  }
  return result;
}
