import * as iconv from 'iconv-lite';
import libmime from 'libmime';
import { normaliseText } from '../../text/normalise-text';

// An RFC 2047 encoded word written with a Q or B encoding; bounded so a hostile header cannot make the scan backtrack.
const ENCODED_WORD = /=\?([^?\s]{1,40})\?([QqBb])\?([^?\s]{0,2000})\?=/g;

/**
 * A header's text: RFC 2047 encoded words decoded in their declared charsets (windows-1252, UTF-8, ISO-8859-x, …),
 * whitespace collapsed. Some mailers put raw 8-bit characters inside a Q word ("=?windows-1252?Q?TravTalk’s_…?=");
 * RFC 2047 forbids it, and a strict decoder reads those bytes as windows-1252 noise. Each such character is
 * rewritten as the =XX escapes of its own bytes in the word's charset first, so the word decodes to what was meant.
 */
export function headerText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const repaired = value.replace(ENCODED_WORD, (word, charset: string, kind: string, encoded: string) =>
    kind.toUpperCase() === 'Q' && /[^\x00-\x7f]/.test(encoded) ? `=?${charset}?Q?${escapeEightBit(encoded, charset)}?=` : word,
  );
  const text = normaliseText(libmime.decodeWords(repaired));
  return text === '' ? undefined : text;
}

function escapeEightBit(encoded: string, charset: string): string {
  const target = iconv.encodingExists(charset) ? charset : 'utf-8';
  return encoded.replace(/[^\x00-\x7f]/gu, (char) =>
    [...iconv.encode(char, target)].map((byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

export interface Mailbox {
  name?: string;
  address?: string;
}

/** The first mailbox of an address header: "a sender <asender@a.com.au>", "\"Doe, J\" <j@x>", "j@x (J Doe)", "j@x". */
export function firstMailbox(value: string | undefined): Mailbox | undefined {
  const text = headerText(value);
  if (!text) return undefined;
  const open = text.indexOf('<');
  const close = open < 0 ? -1 : text.indexOf('>', open);
  if (open >= 0 && close > open) {
    const name = unquote(text.slice(0, open));
    const address = text.slice(open + 1, close).trim();
    return { ...(name ? { name } : {}), ...(address ? { address } : {}) };
  }
  const comment = /^([^\s(]+)\s*\(([^()]*)\)/.exec(text);
  if (comment) return { address: comment[1], ...(comment[2].trim() ? { name: comment[2].trim() } : {}) };
  return { address: text.split(/[\s,]/)[0] };
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return (trimmed.startsWith('"') && trimmed.endsWith('"') && trimmed.length >= 2 ? trimmed.slice(1, -1).replace(/\\(.)/g, '$1') : trimmed).trim();
}
