import type { MediaItem, Rendition } from '@copydesk/contracts';
import { nitfBodyParts, type NitfBodyParts } from '../nitf/nitf-document.mapper';
import { readHtmlFragment } from '../xml/html-fragment.reader';
import { readMarkupBody } from '../xml/markup-body.reader';
import type { XmlElement } from '../xml/xml-node.types';
import { attr, children, descendant, rawText } from '../xml/xml-query';
import { splitQcode } from './g2-codes';

/** Preferred renditions of a picture, best first; any other rendition comes after these. */
const RENDITIONS = ['rnd:highres', 'rnd:baseimage', 'rnd:print', 'rnd:web', 'rnd:preview', 'rnd:thumbnail', 'rnd:thumb'];

/**
 * What a `contentSet` holds: an NITF or XHTML body in `inlineXML`, text or escaped HTML in
 * `inlineData`, and `remoteContent` renditions (all of them, and the link of the best one).
 */
export function readG2Content(contentSet: XmlElement | undefined): NitfBodyParts & { rendition?: Pick<MediaItem, 'href' | 'mimeType' | 'renditions'> } {
  const inline = children(contentSet, 'inlineXML')[0];
  const data = children(contentSet, 'inlineData')[0];
  const parts: NitfBodyParts = inline ? readInlineXml(inline) : data ? readInlineData(data) : { body: [], media: [], summary: [] };
  const remotes = children(contentSet, 'remoteContent');
  const best = bestRendition(remotes);
  const renditions = remotes.flatMap(g2Rendition);
  const rendition = best || renditions.length > 0 ? { ...best, ...(renditions.length > 0 ? { renditions } : {}) } : undefined;
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

/** A `remoteContent` as a rendition, named by the local part of its rendition QCode ("rend:baseImage" → "baseImage"). */
function g2Rendition(remote: XmlElement): Rendition[] {
  const qcode = attr(remote, 'rendition');
  const name = qcode ? (splitQcode(qcode)?.[1] ?? qcode) : undefined;
  if (!name) return [];
  const href = attr(remote, 'href');
  const mimeType = attr(remote, 'contenttype');
  const residRef = attr(remote, 'residref');
  const width = wholeNumber(attr(remote, 'width'));
  const height = wholeNumber(attr(remote, 'height'));
  const sizeInBytes = wholeNumber(attr(remote, 'size'));
  return [
    {
      name,
      ...(href ? { href } : {}),
      ...(mimeType ? { mimeType } : {}),
      ...(width !== undefined ? { width } : {}),
      ...(height !== undefined ? { height } : {}),
      ...(sizeInBytes !== undefined ? { sizeInBytes } : {}),
      ...(residRef ? { residRef } : {}),
    },
  ];
}

function wholeNumber(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}
