import type { CanonicalItem, Signal } from '@copydesk/contracts';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import type { FormatParseContext } from '../wire-format-handler.types';
import { readHtmlFragment } from '../xml/html-fragment.reader';
import { readMarkupBody } from '../xml/markup-body.reader';
import { parseWireDate } from '../xml/wire-date';
import { child, descendant, textOf, urgencyOf } from '../xml/xml-query';
import type { XmlElement } from '../xml/xml-node.types';
import { readXml } from '../xml/xml-reader';

/** Ritzau prints local Copenhagen time without a zone. */
const RITZAU_ZONE = 'Europe/Copenhagen';
/** Ritzau flashes carry no headline; the first characters of the text stand in, as Ritzau's own clients cut them. */
const HEADLINE_FROM_BODY = 100;

/** Ritzau's RBNews XML: one `<RBNews>`, or a queued response with several under `<ListOfRBNews>`. */
export function parseRitzau(text: string, _ctx: FormatParseContext): CanonicalItem[] {
  const root = readXml(text);
  const news = root.name === 'RBNews' ? [root] : childrenNamed(descendant(root, 'ListOfRBNews'), 'RBNews');
  if (root.name !== 'RBNews' && root.name !== 'XMLNewsQueuedResponse') {
    throw new WireFormatError(WireFormatErrorCode.UNKNOWN_FORMAT, 'Not Ritzau RBNews XML', { root: root.name });
  }
  return news.map(mapNews);
}

function childrenNamed(parent: XmlElement | undefined, name: string): XmlElement[] {
  return (parent?.children ?? []).filter((n): n is XmlElement => typeof n !== 'string' && n.name === name);
}

function flag(news: XmlElement, name: string): boolean {
  return textOf(child(news, name))?.toLowerCase() === 'true';
}

function mapNews(news: XmlElement): CanonicalItem {
  const { body, media } = readMarkupBody(readHtmlFragment(textOf(child(news, 'content')) ?? ''));
  const bodyText = body.map((b) => b.text).join(' ');
  const headline = textOf(child(news, 'headline')) ?? bodyText.slice(0, HEADLINE_FROM_BODY);
  const published = parseWireDate(textOf(child(news, 'PublishDate')), RITZAU_ZONE);
  const signals: Signal[] = [];
  if (flag(news, 'NyVersion')) signals.push('update');
  if (flag(news, 'Korrektion')) signals.push('correction');
  if (flag(news, 'Annuleret')) signals.push('kill');
  const subtitle = textOf(child(news, 'subtitle'));
  // "Til redaktionen": Ritzau's note to the receiving editors, as HTML; one line per block.
  const note = readMarkupBody(readHtmlFragment(textOf(child(news, 'TilRedaktionen')) ?? '')).body.map((block) => block.text);
  const keywords = childrenNamed(child(news, 'SubjectKeyword'), 'string').flatMap((keyword) => textOf(keyword) ?? []);
  return createCanonicalItem({
    format: 'ritzau',
    wire: {
      guid: textOf(child(news, 'NewsID')),
      version: textOf(child(news, 'version')),
      slug: textOf(child(news, 'strapline')),
    },
    headline,
    summary: subtitle ? [subtitle] : [],
    byline: textOf(child(news, 'origin')),
    dateline: textOf(child(news, 'town')),
    body,
    media,
    language: 'da',
    urgency: urgencyOf(textOf(child(news, 'Priority'))),
    pubStatus: flag(news, 'Annuleret') ? 'canceled' : 'usable',
    signals,
    firstCreated: published,
    versionCreated: published,
    edNote: note.length > 0 ? note.join('\n') : undefined,
    keywords,
  });
}
