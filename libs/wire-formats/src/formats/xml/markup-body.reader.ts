import type { BodyBlock, MediaItem } from '@copydesk/contracts';
import { paragraphsByLine } from '../../text/paragraphs';
import { decodeEscapedTwice } from './xml-entities';
import { attr, child, cleanText, textOf } from './xml-query';
import { isElement, type XmlElement } from './xml-node.types';

export interface MarkupBody {
  body: BodyBlock[];
  media: MediaItem[];
}

const SKIPPED = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'button',
  'form',
  'input',
  'select',
  'textarea',
  'body.head',
  'body.end',
  'media-metadata',
  'nitf-table-metadata',
  'meta',
  'link',
  // HTML5 page furniture: dpa and TT put slugline, genre and a repeated headline in the article's <header>.
  'header',
  'footer',
  'nav',
  'aside',
]);
const CROSSHEADS = new Set(['hl1', 'hl2', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'subhead']);
const PARAGRAPHS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'caption', 'figcaption', 'tagline', 'bq', 'credit']);
const CONTAINERS = new Set([
  'html',
  'body',
  'body.content',
  'block',
  'div',
  'section',
  'article',
  'main',
  'ul',
  'ol',
  'dl',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'blockquote',
  'center',
  'fn',
  'nitf',
  'hr',
]);
const CELLS = new Set(['td', 'th']);
const CREDIT_CLASS = /\b(?:byline|credit|photographer)\b/i;
/** Stands for a `<br>` inside collected text until the text is split into lines. */
const BREAK = '\u2028';
/** So many raw line ends in loose text, or in a table-like paragraph, mean the lines themselves matter. */
const LINE_MODE_NEWLINES = 3;
const SHORT_LINE = 40;
const COLUMN_GAP = /\S {3,}\S/;
// Markup that was escaped twice and so reached the text as characters, e.g. "35<endash>-</endash>40".
const LITERAL_TAG = /<\/?[A-Za-z][A-Za-z0-9]{0,30}\s*\/?>/g;

/**
 * Body blocks from XML or XHTML markup (NITF `body.content`, an XHTML `body`, a parsed HTML fragment):
 * `<p>` and list items become paragraphs, `<hl2>`/`<h1>`-`<h6>` crossheads, `<pre>` and line-broken
 * text one paragraph per line (hard wraps joined), NITF `<media>` and HTML `<img>`/`<figure>` media.
 * Text outside any block gathers into paragraphs of its own. Recursion is bounded by the reader's depth limit.
 */
export function readMarkupBody(root: XmlElement | undefined): MarkupBody {
  const collector = new BodyCollector();
  if (root) collector.walk(root);
  collector.flush();
  return { body: collector.body, media: collector.media };
}

class BodyCollector {
  readonly body: BodyBlock[] = [];
  readonly media: MediaItem[] = [];
  private pending: string[] = [];
  /** Inside `<pre>` every line end counts, even between elements. */
  private preserveSpace = false;

  walk(element: XmlElement): void {
    for (const node of element.children) {
      if (!isElement(node)) {
        // Whitespace between elements is indentation: it must not count as line ends of the copy.
        this.pending.push(this.preserveSpace || node.trim() !== '' ? node : ' ');
        continue;
      }
      const name = node.name.toLowerCase();
      if (SKIPPED.has(name)) continue;
      if (name === 'br') this.pending.push(BREAK);
      else if (CROSSHEADS.has(name)) this.block(node, 'crosshead', false);
      else if (PARAGRAPHS.has(name)) this.block(node, 'paragraph', false);
      else if (CONTAINERS.has(name)) this.block(node, 'paragraph', true);
      else if (name === 'pre') this.preformatted(node);
      else if (name === 'media') this.nitfMedia(node);
      else if (name === 'figure') this.figure(node);
      else if (name === 'img') this.image(node);
      else if (CELLS.has(name)) {
        this.walk(node);
        this.pending.push(' ');
      } else this.walk(node);
    }
  }

  /** Ends the text gathered so far. `loose`: text that sat outside any paragraph (bare body text, `<pre>`). */
  flush(kind: BodyBlock['kind'] = 'paragraph', loose = true): void {
    if (this.pending.length === 0) return;
    const raw = this.pending.join('');
    this.pending = [];
    const manyLines = countNewlines(raw) >= LINE_MODE_NEWLINES;
    let texts: string[];
    if (kind === 'crosshead') texts = [clean(raw.replaceAll(BREAK, ' '))];
    else if (manyLines && (loose || looksTabular(raw))) texts = paragraphsByLine(raw.split(/[\n\u2028]/).map(clean));
    else if (manyLines) texts = wrappedParagraphs(raw);
    else if (raw.includes(BREAK)) texts = paragraphsByLine(raw.split(BREAK).map(clean));
    else texts = [clean(raw)];
    for (const text of texts) if (text !== '') this.body.push({ kind, text });
  }

  private block(element: XmlElement, kind: BodyBlock['kind'], loose: boolean): void {
    this.flush();
    this.walk(element);
    this.flush(kind, loose);
  }

  private preformatted(element: XmlElement): void {
    this.flush();
    const outer = this.preserveSpace;
    this.preserveSpace = true;
    this.walk(element);
    this.preserveSpace = outer;
    const raw = this.pending.join('').replaceAll('\n', BREAK);
    this.pending = [raw];
    this.flush();
  }

  private nitfMedia(element: XmlElement): void {
    const reference = child(element, 'media-reference');
    const type = attr(element, 'media-type')?.toLowerCase();
    this.addMedia({
      kind: type === 'video' || type === 'audio' ? type : type === 'graphic' ? 'graphic' : 'picture',
      caption: textOf(child(element, 'media-caption')),
      credit: textOf(child(element, 'media-producer')),
      href: attr(reference, 'source') ?? attr(reference, 'data'),
      mimeType: attr(reference, 'mime-type'),
    });
  }

  private figure(element: XmlElement): void {
    const image = findImage(element);
    const caption = textOf(childNamed(element, 'figcaption'));
    const credit = textOf(element.children.find((node): node is XmlElement => isElement(node) && CREDIT_CLASS.test(attr(node, 'class') ?? '')));
    this.addMedia({ kind: 'picture', caption: caption ?? attr(image, 'alt'), credit, href: attr(image, 'src') });
  }

  private image(element: XmlElement): void {
    const href = attr(element, 'src');
    if (href) this.addMedia({ kind: 'picture', caption: attr(element, 'alt'), href });
  }

  private addMedia(media: MediaItem): void {
    const defined = Object.fromEntries(Object.entries(media).filter(([, value]) => value !== undefined)) as unknown as MediaItem;
    if (defined.caption || defined.href || defined.credit) this.media.push(defined);
  }
}

function clean(text: string): string {
  return cleanText(decodeEscapedTwice(text.includes('<') ? text.replace(LITERAL_TAG, '') : text));
}

/**
 * A paragraph whose lines are a table rather than hard-wrapped prose: aligned columns (three or more
 * spaces inside a line) or mostly short lines. Hard-wrapped prose keeps being one paragraph.
 */
function looksTabular(text: string): boolean {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const short = lines.filter((line) => line.length < SHORT_LINE).length;
  return short * 2 > lines.length || lines.some((line) => COLUMN_GAP.test(line));
}

/**
 * A paragraph element that holds hard-wrapped lines. Indented markup wraps prose anywhere, so the
 * lines are joined, unless the copy marks paragraphs itself: by blank lines, or (Reuters sends a whole
 * story in one `<p>`) by indenting the first line of each paragraph while wrapped lines start at column 0.
 */
function wrappedParagraphs(raw: string): string[] {
  const lines = raw.split(/[\n\u2028]/);
  const indents = lines
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map(indentOf);
  const indentMarksParagraphs = indents.some((indent) => indent === 0) && indents.some((indent) => indent >= 2);
  const paragraphs: string[] = [];
  let current: string[] = [];
  lines.forEach((line, index) => {
    const text = clean(line);
    const starts = text === '' || (indentMarksParagraphs && index > 0 && indentOf(line) >= 2);
    if (starts && current.length > 0) {
      paragraphs.push(current.join(' '));
      current = [];
    }
    if (text !== '') current.push(text);
  });
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function countNewlines(text: string): number {
  const trimmed = text.trim();
  let count = 0;
  let at = trimmed.indexOf('\n');
  while (at >= 0) {
    count++;
    at = trimmed.indexOf('\n', at + 1);
  }
  return count;
}

function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((node): node is XmlElement => isElement(node) && node.name.toLowerCase() === name);
}

function findImage(element: XmlElement): XmlElement | undefined {
  for (const node of element.children) {
    if (!isElement(node)) continue;
    if (node.name.toLowerCase() === 'img') return node;
    const nested = findImage(node);
    if (nested) return nested;
  }
  return undefined;
}
