import type { BodyBlock, MediaItem } from '@copydesk/contracts';
import { normaliseText } from '../../text/normalise-text';
import { paragraphsByLine } from '../../text/paragraphs';
import { attr, child, textOf } from './xml-query';
import { isElement, type XmlElement } from './xml-node.types';

export interface MarkupBody {
  body: BodyBlock[];
  media: MediaItem[];
}

const SKIPPED = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'iframe', 'object', 'embed', 'svg', 'button', 'form', 'input', 'select',
  'textarea', 'body.head', 'body.end', 'media-metadata', 'nitf-table-metadata', 'meta', 'link',
]);
const CROSSHEADS = new Set(['hl1', 'hl2', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'subhead']);
const PARAGRAPHS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'caption', 'figcaption', 'tagline', 'bq', 'credit']);
const CONTAINERS = new Set([
  'html', 'body', 'body.content', 'block', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'ul', 'ol',
  'dl', 'table', 'thead', 'tbody', 'tfoot', 'blockquote', 'center', 'fn', 'nitf', 'hr',
]);
const CELLS = new Set(['td', 'th']);
/** Stands for a `<br>` inside collected text until the text is split into lines. */
const BREAK = '\u2028';
/** So many raw line ends in one paragraph mean the lines themselves matter (results tables, preformatted copy). */
const LINE_MODE_NEWLINES = 3;
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

  walk(element: XmlElement): void {
    for (const node of element.children) {
      if (!isElement(node)) {
        this.pending.push(node);
        continue;
      }
      const name = node.name.toLowerCase();
      if (SKIPPED.has(name)) continue;
      if (name === 'br') this.pending.push(BREAK);
      else if (CROSSHEADS.has(name)) this.block(node, 'crosshead');
      else if (PARAGRAPHS.has(name) || CONTAINERS.has(name)) this.block(node, 'paragraph');
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

  flush(kind: BodyBlock['kind'] = 'paragraph'): void {
    if (this.pending.length === 0) return;
    const raw = this.pending.join('');
    this.pending = [];
    const newlines = countNewlines(raw);
    const lineMode = newlines >= LINE_MODE_NEWLINES || raw.includes(BREAK);
    const lines = lineMode ? raw.split(newlines >= LINE_MODE_NEWLINES ? /[\n\u2028]/ : BREAK).map(clean) : [clean(raw)];
    const texts = kind === 'crosshead' ? [lines.filter((line) => line !== '').join(' ')] : paragraphsByLine(lines);
    for (const text of texts) if (text !== '') this.body.push({ kind, text });
  }

  private block(element: XmlElement, kind: BodyBlock['kind']): void {
    this.flush();
    this.walk(element);
    this.flush(kind);
  }

  private preformatted(element: XmlElement): void {
    this.flush();
    this.walk(element);
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
    this.addMedia({ kind: 'picture', caption: caption ?? attr(image, 'alt'), href: attr(image, 'src') });
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
  return normaliseText(text.includes('<') ? text.replace(LITERAL_TAG, '') : text);
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
