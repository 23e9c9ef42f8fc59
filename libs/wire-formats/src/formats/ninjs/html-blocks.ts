import type { BodyBlock } from '@copydesk/contracts';
import { normaliseText } from '../../text/normalise-text';
import { decodeHtmlEntities } from './html-entities';

// Elements that end a paragraph; headings open a crosshead.
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'blockquote', 'pre', 'tr', 'table', 'section', 'article', 'header', 'footer',
  'figure', 'figcaption', 'hr', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hl1', 'hl2',
]);
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'head', 'title']);
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

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      if (!skipUntil) text += html.slice(i);
      break;
    }
    if (!skipUntil) text += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const name = TAG_NAME.exec(html.slice(lt, lt + 34))?.[1]?.toLowerCase();
    if (name === undefined) {
      if (!skipUntil) text += '<';
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    const closing = html[lt + 1] === '/';
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
  flush();
  return blocks;
}

/** Plain text of an HTML fragment, blocks joined by a space. */
export function htmlToText(html: string): string {
  return htmlToBlocks(html)
    .map((block) => block.text)
    .join(' ');
}
