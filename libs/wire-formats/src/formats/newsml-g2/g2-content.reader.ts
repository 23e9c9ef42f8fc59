import type { MediaItem } from '@copydesk/contracts';
import { nitfBodyParts, type NitfBodyParts } from '../nitf/nitf-document.mapper';
import { readHtmlFragment } from '../xml/html-fragment.reader';
import { readMarkupBody } from '../xml/markup-body.reader';
import type { XmlElement } from '../xml/xml-node.types';
import { attr, children, descendant, rawText } from '../xml/xml-query';

/** Preferred renditions of a picture, best first; any other rendition comes after these. */
const RENDITIONS = ['rnd:highres', 'rnd:baseimage', 'rnd:print', 'rnd:web', 'rnd:preview', 'rnd:thumbnail', 'rnd:thumb'];

/**
 * What a `contentSet` holds: an NITF or XHTML body in `inlineXML`, text or escaped HTML in
 * `inlineData`, and `remoteContent` renditions (the link of the best one is kept).
 */
export function readG2Content(contentSet: XmlElement | undefined): NitfBodyParts & { rendition?: Pick<MediaItem, 'href' | 'mimeType'> } {
  const inline = children(contentSet, 'inlineXML')[0];
  const data = children(contentSet, 'inlineData')[0];
  const parts: NitfBodyParts = inline ? readInlineXml(inline) : data ? readInlineData(data) : { body: [], media: [], summary: [] };
  const rendition = bestRendition(children(contentSet, 'remoteContent'));
  return rendition ? { ...parts, rendition } : parts;
}

function readInlineXml(inline: XmlElement): NitfBodyParts {
  const nitf = inline.children.find((node): node is XmlElement => typeof node !== 'string' && node.name === 'nitf') ?? descendant(inline, 'nitf');
  if (nitf) return nitfBodyParts(nitf);
  const body = descendant(inline, 'body') ?? inline;
  return { ...readMarkupBody(body), summary: [] };
}

function readInlineData(data: XmlElement): NitfBodyParts {
  const type = attr(data, 'contenttype')?.toLowerCase() ?? 'text/plain';
  const text = rawText(data);
  if (type.includes('html') || type.includes('xml')) return { ...readMarkupBody(readHtmlFragment(text)), summary: [] };
  return { ...readMarkupBody({ name: 'pre', attrs: {}, children: [{ name: 'pre', attrs: {}, children: [text] }] }), summary: [] };
}

function bestRendition(remotes: readonly XmlElement[]): Pick<MediaItem, 'href' | 'mimeType'> | undefined {
  const withHref = remotes.filter((remote) => attr(remote, 'href') ?? attr(remote, 'residref'));
  const rank = (remote: XmlElement) => {
    const index = RENDITIONS.indexOf(attr(remote, 'rendition')?.toLowerCase() ?? '');
    return index < 0 ? RENDITIONS.length : index;
  };
  const best = [...withHref].sort((a, b) => rank(a) - rank(b))[0];
  if (!best) return undefined;
  const href = attr(best, 'href') ?? attr(best, 'residref');
  const mimeType = attr(best, 'contenttype');
  return { ...(href ? { href } : {}), ...(mimeType ? { mimeType } : {}) };
}
