import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { decodeEntities } from './xml-entities';
import type { XmlElement } from './xml-node.types';

/** Deeper nesting than any news document needs; it also bounds the recursion of tree walkers. */
export const MAX_XML_DEPTH = 256;

const NOT_SPACE = /\S/g;
const ATTR_WHITESPACE = /[\t\n\r]/;
const ATTR_WHITESPACE_ALL = /[\t\n\r]/g;

/**
 * A small, safe, non-validating XML reader. One forward pass, every search by indexOf or a sticky
 * regex from the current position, so the cost is linear in the input. The DOCTYPE is skipped
 * unread: no entity it declares is expanded and nothing external is fetched. Only the five XML
 * entities, numeric references and a fixed HTML table are decoded. Anything not well-formed
 * (unclosed or mismatched tags, text outside the root, a second root) is MALFORMED_INPUT.
 *
 * Why a reader of our own rather than an XML library: news bodies are mixed content, and the
 * parsers need it in document order (each element's children are its text and elements exactly as
 * they come), so paragraphs, crossheads and inline text such as `By<person>Ann Lee</person>` stay
 * where they stand; the object-shaped result XML libraries give by default groups children by
 * name and loses that order. And because the DOCTYPE is never read, external entities and entity
 * bombs (billion laughs) do nothing.
 */
export function readXml(text: string): XmlElement {
  return new XmlReader(text).read();
}

class XmlReader {
  private pos = 0;
  private readonly stack: XmlElement[] = [];
  /** Qualified names of the open elements, to match end tags exactly. */
  private readonly openNames: string[] = [];
  private root: XmlElement | undefined;

  constructor(private readonly text: string) {}

  read(): XmlElement {
    const { text } = this;
    while (this.pos < text.length) {
      const lt = text.indexOf('<', this.pos);
      const end = lt < 0 ? text.length : lt;
      if (end > this.pos) this.addText(text.slice(this.pos, end), true);
      if (lt < 0) break;
      this.pos = lt;
      this.readMarkup();
    }
    if (this.stack.length > 0) this.fail(`Element <${this.stack[this.stack.length - 1].name}> is never closed`);
    if (!this.root) this.fail('No root element');
    return this.root;
  }

  private readMarkup(): void {
    const { text, pos } = this;
    const next = text.charCodeAt(pos + 1);
    if (next === 0x3f /* ? */) {
      this.pos = this.indexAfter('?>', pos + 2, 'processing instruction');
    } else if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', pos)) {
        this.pos = this.indexAfter('-->', pos + 4, 'comment');
      } else if (text.startsWith('<![CDATA[', pos)) {
        const end = this.indexAfter(']]>', pos + 9, 'CDATA section');
        if (this.stack.length === 0) this.fail('CDATA outside the root element');
        this.addText(text.slice(pos + 9, end - 3), false);
        this.pos = end;
      } else if (text.startsWith('<!DOCTYPE', pos) && !this.root && this.stack.length === 0) {
        this.skipDoctype(pos + 9);
      } else {
        this.fail('Unexpected markup declaration');
      }
    } else if (next === 0x2f /* / */) {
      this.readEndTag();
    } else {
      this.readStartTag();
    }
  }

  /** Skips `<!DOCTYPE …>` including an internal subset, minding quoted strings and comments inside it. */
  private skipDoctype(from: number): void {
    const { text } = this;
    let i = from;
    let inSubset = false;
    while (i < text.length) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const close = text.indexOf(c, i + 1);
        if (close < 0) break;
        i = close + 1;
      } else if (inSubset && text.startsWith('<!--', i)) {
        i = this.indexAfter('-->', i + 4, 'comment');
      } else if (c === '[') {
        inSubset = true;
        i++;
      } else if (c === ']') {
        inSubset = false;
        i++;
      } else if (c === '>' && !inSubset) {
        this.pos = i + 1;
        return;
      } else {
        i++;
      }
    }
    this.fail('Unterminated DOCTYPE');
  }

  private readStartTag(): void {
    const { text } = this;
    const nameStart = this.pos + 1;
    const nameEnd = this.nameEnd(nameStart);
    const qname = text.slice(nameStart, nameEnd);
    if (qname === '' || !/^[^\s<>"'=&]+$/.test(qname)) this.fail('Invalid element name');
    if (this.root && this.stack.length === 0) this.fail('Content after the root element');
    if (this.stack.length >= MAX_XML_DEPTH) this.fail('Elements nested too deeply');
    const attrs: Record<string, string> = {};
    let i = nameEnd;
    for (;;) {
      i = this.skipSpace(i);
      const c = text[i];
      if (c === '>' || (c === '/' && text[i + 1] === '>')) break;
      if (c === undefined) this.fail(`Unterminated start tag <${qname}>`);
      const eq = text.indexOf('=', i);
      const attrName = eq < 0 ? '' : text.slice(i, eq).trim();
      if (attrName === '' || !/^[^\s<>"'=/]+$/.test(attrName)) this.fail(`Invalid attribute in <${qname}>`);
      const quoteAt = this.skipSpace(eq + 1);
      const quote = text[quoteAt];
      if (quote !== '"' && quote !== "'") this.fail(`Unquoted attribute value in <${qname}>`);
      const close = text.indexOf(quote, quoteAt + 1);
      if (close < 0) this.fail(`Unterminated attribute value in <${qname}>`);
      const value = text.slice(quoteAt + 1, close);
      if (value.includes('<')) this.fail(`"<" in an attribute value of <${qname}>`);
      if (attrName !== 'xmlns' && !attrName.startsWith('xmlns:')) {
        const local = localName(attrName);
        if (!(local in attrs)) attrs[local] = decodeEntities(ATTR_WHITESPACE.test(value) ? value.replace(ATTR_WHITESPACE_ALL, ' ') : value);
      }
      i = close + 1;
    }
    const selfClosing = text[i] === '/';
    this.pos = selfClosing ? i + 2 : i + 1;
    const element: XmlElement = { name: localName(qname), attrs, children: [] };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(element);
    else this.root = element;
    if (!selfClosing) {
      this.stack.push(element);
      this.openNames.push(qname);
    }
  }

  private readEndTag(): void {
    const { text } = this;
    const close = text.indexOf('>', this.pos + 2);
    if (close < 0) this.fail('Unterminated end tag');
    const qname = text.slice(this.pos + 2, close).trim();
    const open = this.openNames.pop();
    this.stack.pop();
    if (open === undefined) this.fail(`End tag </${qname}> without a start tag`);
    if (open !== qname) this.fail(`End tag </${qname}> does not match <${open}>`);
    this.pos = close + 1;
  }

  private addText(raw: string, decode: boolean): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      NOT_SPACE.lastIndex = 0;
      if (NOT_SPACE.test(raw)) this.fail('Text outside the root element');
      return;
    }
    parent.children.push(decode ? decodeEntities(raw) : raw);
  }

  /** End of a tag name: the first whitespace, "/" or ">" (a plain loop: no match object per tag). */
  private nameEnd(from: number): number {
    const { text } = this;
    let i = from;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x2f || c === 0x3e) break;
      i++;
    }
    return i;
  }

  private skipSpace(from: number): number {
    let i = from;
    while (i < this.text.length) {
      const c = this.text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) break;
      i++;
    }
    return i;
  }

  private indexAfter(token: string, from: number, what: string): number {
    const at = this.text.indexOf(token, from);
    if (at < 0) this.fail(`Unterminated ${what}`);
    return at + token.length;
  }

  private fail(reason: string): never {
    throw new WireFormatError(WireFormatErrorCode.MALFORMED_INPUT, `Malformed XML: ${reason}`, { reason, offset: this.pos });
  }
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}
