import type { BodyBlock, MediaItem } from '@copydesk/contracts';
import { readHtmlFragment } from '../xml/html-fragment.reader';
import { readMarkupBody } from '../xml/markup-body.reader';
import { isElement, type XmlElement } from '../xml/xml-node.types';
import { rawText, textOf } from '../xml/xml-query';

// WordPress shortcodes such as [contact_form] or [caption id="x"]…[/caption] (tags only; the caption text stays).
const SHORTCODE = /\[\/?[a-z][\w-]{0,40}(?:\s[^\]\n]{0,300})?\]/g;
const BLANK_LINE = /\n[ \t]*\n\s*/;

export interface FeedBody {
  body: BodyBlock[];
  media: MediaItem[];
}

/**
 * Body blocks from a feed text element. HTML-typed or markup-looking text is read as an HTML fragment;
 * an XHTML element tree is read as it is. `autoParagraphs` applies WordPress's rule that a blank line
 * separates paragraphs and a single line end is a line break, and strips shortcodes.
 */
export function feedBody(element: XmlElement | undefined, options: { html?: boolean; autoParagraphs?: boolean } = {}): FeedBody {
  if (!element) return { body: [], media: [] };
  if (element.children.some(isElement)) return readMarkupBody(element);
  let text = rawText(element);
  if (options.autoParagraphs) text = autoParagraphs(text.replace(SHORTCODE, ''));
  if (options.html || text.includes('<')) return readMarkupBody(readHtmlFragment(text));
  return readMarkupBody({ name: 'body', attrs: {}, children: [{ name: 'pre', attrs: {}, children: [text] }] });
}

function autoParagraphs(text: string): string {
  return text
    .split(BLANK_LINE)
    .map((chunk) => `<p>${chunk.trim().replaceAll('\n', '<br>')}</p>`)
    .join('\n');
}

/** Titles may carry markup (Atom `type="html"`, or escaped tags in RSS); only their text is kept. */
export function plainTitle(title: XmlElement | undefined, html = false): string | undefined {
  const text = textOf(title);
  if (!text || (!html && !text.includes('<'))) return text;
  return (
    readMarkupBody(readHtmlFragment(text))
      .body.map((block) => block.text)
      .join(' ') || undefined
  );
}

export function mediaKind(type: string | undefined): MediaItem['kind'] {
  const value = type?.toLowerCase() ?? '';
  if (value.startsWith('video')) return 'video';
  if (value.startsWith('audio')) return 'audio';
  return 'picture';
}
