import { decodeEntities } from './xml-entities';
import { MAX_XML_DEPTH } from './xml-reader';
import type { XmlElement } from './xml-node.types';

const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'source', 'area', 'col', 'embed', 'param', 'track', 'wbr', 'base']);
const RAW_TEXT = new Set(['script', 'style']);
const CLOSES_P = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'pre', 'blockquote', 'figure', 'section', 'hr']);
const TAG_NAME = /^<\/?([A-Za-z][\w:.-]*)/;
/** Longest tag read as a tag; anything longer is text, which bounds the attribute scan. */
const MAX_TAG_CHARS = 8_192;

/**
 * Reads an HTML fragment (RSS `content:encoded`, Atom `type="html"`, escaped agency markup) into the
 * same element tree as the XML reader, leniently: unknown or unbalanced tags never fail, an end tag
 * closes up to its open element (or is ignored), void elements never nest, `<p>` closes before a block.
 * Names are lower-cased. One forward pass; nesting is capped like the XML reader's.
 */
export function readHtmlFragment(html: string): XmlElement {
  const root: XmlElement = { name: 'body', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let pos = 0;
  const top = () => stack[stack.length - 1];
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    const end = lt < 0 ? html.length : lt;
    if (end > pos) top().children.push(decodeEntities(html.slice(pos, end)));
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      pos = close < 0 ? html.length : close + 3;
      continue;
    }
    const tagEnd = findTagEnd(html, lt);
    const name = TAG_NAME.exec(html.slice(lt, lt + 64))?.[1]?.toLowerCase();
    if (tagEnd < 0 || (!name && html[lt + 1] !== '!' && html[lt + 1] !== '?')) {
      top().children.push('<');
      pos = lt + 1;
      continue;
    }
    pos = tagEnd + 1;
    if (!name) continue;
    if (html[lt + 1] === '/') {
      const open = stack.map((element) => element.name).lastIndexOf(name);
      if (open > 0) stack.length = open;
      continue;
    }
    if (CLOSES_P.has(name) && top().name === 'p') stack.pop();
    const element: XmlElement = { name, attrs: readAttributes(html.slice(lt + 1 + name.length, tagEnd)), children: [] };
    top().children.push(element);
    if (RAW_TEXT.has(name)) {
      const endTag = name === 'script' ? /<\/script/gi : /<\/style/gi;
      endTag.lastIndex = pos;
      const close = endTag.exec(html)?.index ?? -1;
      pos = close < 0 ? html.length : close;
      continue;
    }
    const selfClosing = html[tagEnd - 1] === '/';
    if (!VOID.has(name) && !selfClosing && stack.length < MAX_XML_DEPTH) stack.push(element);
  }
  return root;
}

/** Index of the `>` that ends the tag starting at `lt`, quotes respected; -1 if another `<` or the tag limit comes first. */
function findTagEnd(html: string, lt: number): number {
  const limit = Math.min(html.length, lt + MAX_TAG_CHARS);
  let quote = '';
  for (let i = lt + 1; i < limit; i++) {
    const c = html[i];
    if (c === '<') {
      return -1;
    } else if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return -1;
}

/** Attributes of a tag, read by one forward scan (no backtracking): `a=1 b="two" c='3' d`. */
function readAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let i = 0;
  const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
  while (i < source.length) {
    while (i < source.length && (isSpace(source[i]) || source[i] === '/')) i++;
    const nameStart = i;
    while (i < source.length && !isSpace(source[i]) && source[i] !== '=' && source[i] !== '/') i++;
    const name = source.slice(nameStart, i).toLowerCase();
    while (i < source.length && isSpace(source[i])) i++;
    let value = '';
    if (source[i] === '=') {
      i++;
      while (i < source.length && isSpace(source[i])) i++;
      const quote = source[i];
      if (quote === '"' || quote === "'") {
        const close = source.indexOf(quote, i + 1);
        const end = close < 0 ? source.length : close;
        value = source.slice(i + 1, end);
        i = end + 1;
      } else {
        const valueStart = i;
        while (i < source.length && !isSpace(source[i])) i++;
        value = source.slice(valueStart, i);
      }
    }
    if (name !== '' && !(name in attrs)) attrs[name] = decodeEntities(value);
    if (i === nameStart) i++;
  }
  return attrs;
}
