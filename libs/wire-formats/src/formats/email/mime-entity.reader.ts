import libmime from 'libmime';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';

/** One MIME entity: its header fields (lower-case names, raw values in order), its content type and its body text. */
export interface MimeEntity {
  headers: Readonly<Record<string, readonly string[]>>;
  mediaType: string;
  params: Readonly<Record<string, string>>;
  /** The body as carried, still transfer-encoded; empty for a multipart entity. */
  body: string;
  parts: MimeEntity[];
}

/** Deepest multipart nesting read; real mail nests three or four levels (mixed › related › alternative). */
export const MAX_MIME_DEPTH = 8;
/** Most parts read in one message, so a message of empty parts cannot make thousands of objects. */
export const MAX_MIME_PARTS = 500;

/** Reads a whole message: header block, body, and for multipart bodies every part, each line scanned once per level. */
export function readMimeMessage(text: string): MimeEntity {
  const budget = { parts: 0 };
  return readEntity(text, 0, budget);
}

function readEntity(text: string, depth: number, budget: { parts: number }): MimeEntity {
  if (++budget.parts > MAX_MIME_PARTS) {
    throw new WireFormatError(WireFormatErrorCode.MALFORMED_INPUT, 'The e-mail has too many MIME parts', {
      reason: 'mime-too-many-parts',
      limit: MAX_MIME_PARTS,
    });
  }
  const { head, body } = splitHeaderBlock(text);
  // skipPrototypeKeys: a header named "__proto__" or "constructor" must not reach the object's prototype.
  const headers = libmime.decodeHeaders(head, { skipPrototypeKeys: true }) as Record<string, string[]>;
  const declared = headers['content-type']?.[0];
  const parsed = declared ? libmime.parseHeaderValue(declared) : { value: 'text/plain', params: {} };
  const mediaType = parsed.value.trim().toLowerCase() || 'text/plain';
  const params = parsed.params as Record<string, string>;
  const entity: MimeEntity = { headers, mediaType, params, body, parts: [] };
  if (!mediaType.startsWith('multipart/')) return entity;

  const boundary = params.boundary;
  if (!boundary) {
    throw new WireFormatError(WireFormatErrorCode.MALFORMED_INPUT, 'A multipart e-mail part has no boundary', { reason: 'mime-boundary-missing', mediaType });
  }
  if (depth >= MAX_MIME_DEPTH) {
    throw new WireFormatError(WireFormatErrorCode.MALFORMED_INPUT, 'The e-mail nests MIME parts too deeply', {
      reason: 'mime-too-deep',
      limit: MAX_MIME_DEPTH,
    });
  }
  entity.body = '';
  entity.parts = splitParts(body, boundary).map((part) => readEntity(part, depth + 1, budget));
  return entity;
}

/** The header block ends at the first empty line; leading blank lines (some stores prepend them) and an mbox "From " line are not headers. */
export function splitHeaderBlock(text: string): { head: string; body: string } {
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (end < 0 || line.trim() !== '') break;
    start = end + 1;
  }
  if (text.startsWith('From ', start)) {
    const end = text.indexOf('\n', start);
    start = end < 0 ? text.length : end + 1;
  }
  if (text.startsWith('\n', start)) return { head: '', body: text.slice(start + 1) };
  const blank = text.indexOf('\n\n', start);
  return blank < 0 ? { head: text.slice(start), body: '' } : { head: text.slice(start, blank), body: text.slice(blank + 2) };
}

/**
 * The parts between "--boundary" lines, up to "--boundary--" (or the end: a truncated message keeps what came).
 * The preamble and epilogue are dropped, as RFC 2046 says. The line break before a delimiter belongs to it.
 */
function splitParts(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let partStart = -1;
  let lineStart = 0;
  while (lineStart <= body.length) {
    const lineEnd = body.indexOf('\n', lineStart);
    const end = lineEnd < 0 ? body.length : lineEnd;
    if (body.startsWith(delimiter, lineStart)) {
      // A delimiter line is the boundary alone, or with "--" when it closes: a longer boundary it prefixes is not it.
      const rest = body.slice(lineStart + delimiter.length, end);
      const closes = rest.startsWith('--');
      if (closes || rest.trim() === '') {
        if (partStart >= 0) parts.push(body.slice(partStart, Math.max(partStart, lineStart - 1)));
        if (closes) return parts;
        partStart = end + 1;
      }
    }
    if (lineEnd < 0) break;
    lineStart = lineEnd + 1;
  }
  if (partStart >= 0 && partStart < body.length) parts.push(body.slice(partStart));
  return parts;
}

/** The first value of a header field, or undefined. */
export function headerValue(entity: MimeEntity, name: string): string | undefined {
  return entity.headers[name]?.[0];
}
