import type { PayloadFamily } from '../formats/wire-format-handler.types';

/** 'sniff': the media type says nothing useful, look at the body. 'unsupported': a type no handler family takes. */
export type MediaTypeFamily = PayloadFamily | 'sniff' | 'unsupported';

const SNIFF_TYPES = new Set(['text/plain', 'application/octet-stream', 'binary/octet-stream', 'application/x-www-form-urlencoded']);
const XML_TYPES = new Set(['application/xml', 'text/xml']);
const JSON_TYPES = new Set(['application/json', 'text/json']);

export function familyOfMediaType(mediaType: string | undefined): MediaTypeFamily {
  if (mediaType === undefined || SNIFF_TYPES.has(mediaType)) return 'sniff';
  if (XML_TYPES.has(mediaType) || mediaType.endsWith('+xml')) return 'xml';
  if (JSON_TYPES.has(mediaType) || mediaType.endsWith('+json')) return 'json';
  if (mediaType.startsWith('text/') && mediaType !== 'text/html') return 'sniff';
  return 'unsupported';
}

/** The family a body looks like from its first non-space character. */
export function sniffFamily(text: string): PayloadFamily {
  const first = /\S/.exec(text.slice(0, 4096))?.[0];
  if (first === '<') return 'xml';
  if (first === '{' || first === '[') return 'json';
  return 'text';
}
