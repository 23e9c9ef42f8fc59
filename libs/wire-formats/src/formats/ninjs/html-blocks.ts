import type { BodyBlock } from '@copydesk/contracts';
import { normaliseText } from '../../text/normalise-text';
import { decodeHtmlEntities } from './html-entities';

// Elements that end a paragraph; headings open a crosshead.
const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'tr',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'figcaption',
  'hr',
  'dd',
  'dt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hl1',
  'hl2',
]);
// Metadata inside markup bodies (HTML head, NITF head and body.head): the document carries it in its own fields.
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'head', 'title', 'body.head']);
const TAG_NAME = /^<\/?([A-Za-z][A-Za-z0-9.:_-]{0,30})/;
const HEADING = /^h[1-6]$|^hl2$/;

/**
 * HTML (as carried in JSON body fields) to body blocks: one block per paragraph-level element or line break,
 * headings as crossheads, other tags dropped, entities decoded. A hand-written linear scan: no regex runs over
 * more than a tag's first characters, and an unterminated tag or comment ends the scan.
 */
export function htmlToBlocks(html: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let text = '';
  let kind: BodyBlock['kind'] = 'paragraph';
  let skipUntil: string | undefined;
  const flush = () => {
    const value = normaliseText(decodeHtmlEntities(text));
    if (value !== '') blocks.push({ kind, text: value });
    text = '';
    kind = 'paragraph';
  };

  // Text runs from `textStart` up to the next markup; a literal '<' just stays inside the run.
  let textStart = 0;
  const takeText = (upTo: number, resume: number) => {
    if (!skipUntil) text += html.slice(textStart, upTo);
    textStart = resume;
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (!isTagStart(next)) {
      i = lt + 1; // "3 < 4": a literal '<', decided from one character
      continue;
    }
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      takeText(lt, end < 0 ? html.length : end + 3);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    if (next === 0x21 || next === 0x3f) {
      // An XML declaration, processing instruction or DOCTYPE: markup, never text.
      const end = html.indexOf('>', lt + 2);
      takeText(lt, end < 0 ? html.length : end + 1);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    const name = TAG_NAME.exec(html.slice(lt, lt + 34))?.[1]?.toLowerCase();
    if (name === undefined) {
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    takeText(lt, gt < 0 ? html.length : gt + 1);
    if (gt < 0) break;
    const closing = next === 0x2f;
    if (skipUntil) {
      if (closing && name === skipUntil) skipUntil = undefined;
    } else if (SKIPPED_ELEMENTS.has(name) && !closing && html[gt - 1] !== '/') {
      skipUntil = name;
    } else if (BLOCK_ELEMENTS.has(name)) {
      flush();
      if (!closing && HEADING.test(name)) kind = 'crosshead';
    } else if (name === 'td' || name === 'th') {
      text += ' ';
    }
    i = gt + 1;
  }
  takeText(html.length, html.length);
  flush();
  return blocks;
}

/** '/', '!', '?' or an ASCII letter: what may follow '<' in markup. */
function isTagStart(code: number): boolean {
  return code === 0x2f || code === 0x21 || code === 0x3f || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Plain text of an HTML fragment, blocks joined by a space. */
export function htmlToText(html: string): string {
  return htmlToBlocks(html)
    .map((block) => block.text)
    .join(' ');
}
