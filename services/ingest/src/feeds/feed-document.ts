import { parseContentType } from '@copydesk/contracts';
import { decodeText, rootElementName } from '@copydesk/wire-formats';

const RSS_TYPES = new Set(['application/rss+xml', 'application/rdf+xml']);
const ATOM_TYPES = new Set(['application/atom+xml']);
/** The root element is found within the prolog: this much of the document is enough to look at. */
const HEAD_BYTES = 16_384;

/**
 * The content type a fetched feed document is submitted with, so normalise reads it as RSS or
 * Atom: the server's own when it names one of those, else application/rss+xml or
 * application/atom+xml by the root element (`<rss>`, `<rdf:RDF>`; `<feed>`, `<entry>`), with
 * the server's charset kept. Undefined when the document is neither. Pure; reads at most 16 KiB.
 */
export function feedContentType(serverContentType: string | null | undefined, body: Buffer): string | undefined {
  const { mediaType, charset } = parseContentType(serverContentType ?? undefined);
  if (mediaType && (RSS_TYPES.has(mediaType) || ATOM_TYPES.has(mediaType))) return (serverContentType as string).trim();
  const root = rootElementName(decodeText(body.subarray(0, HEAD_BYTES), charset).text);
  const type = root === 'rss' || root === 'RDF' ? 'application/rss+xml' : root === 'feed' || root === 'entry' ? 'application/atom+xml' : undefined;
  return type && charset ? `${type}; charset=${charset}` : type;
}
