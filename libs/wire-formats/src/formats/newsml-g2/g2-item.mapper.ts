import type { MediaItem, WireLink } from '@copydesk/contracts';
import type { CanonicalItemDraft } from '../../item/canonical-item.factory';
import { fallbackHeadline } from '../xml/fallback-headline';
import type { XmlElement } from '../xml/xml-node.types';
import { attr, child, children, datelineText, textOf, urgencyOf } from '../xml/xml-query';
import { parseWireDate } from '../xml/wire-date';
import { editorialMarkers, mergeSignals } from '../xml/wire-signals';
import { g2PubStatus, g2Signals, g2Subjects, preferredName, splitQcode } from './g2-codes';
import { splitAgencyDateline } from '../iptc7901/agency-dateline';
import { creatorByline, isPlaceholderByline, splitOpeningByline } from './g2-byline';
import { readG2Content } from './g2-content.reader';
import { g2Provider, guidStampTime } from './g2-providers';
import { readG2Metadata } from './g2-metadata.reader';

export type G2ItemKind = MediaItem['kind'] | 'text' | 'composite';

/** A mapped item plus what a package needs to stitch items together. */
export interface G2MappedItem {
  kind: G2ItemKind;
  guid?: string;
  draft: CanonicalItemDraft;
}

const MEDIA_CLASSES: readonly G2ItemKind[] = ['picture', 'video', 'audio', 'graphic', 'composite'];
const SUMMARY_ROLES = new Set(['drol:summary', 'drol:abstract', 'descrole:summary']);
const CAPTION_ROLES = new Set(['drol:caption', 'descrole:caption']);

/**
 * A `newsItem` or `packageItem` to an item draft. `timeZone` reads times printed without a zone, unless the
 * provider (known by the guid, or by the `<origin>` of the message) is known to print them in its own.
 */
export function mapG2Item(item: XmlElement, timeZone: string, messageOrigin?: string): G2MappedItem {
  const guid = attr(item, 'guid');
  const provider = g2Provider(guid, messageOrigin);
  const zone = provider?.timeZone ?? timeZone;
  const date = (element: XmlElement | undefined) => parseWireDate(textOf(element), zone);
  const itemMeta = child(item, 'itemMeta');
  const contentMeta = child(item, 'contentMeta');
  const kind = itemKind(item);
  const content = readG2Content(child(item, 'contentSet'));

  const descriptions = children(contentMeta, 'description');
  const summaryElement = descriptions.find((d) => SUMMARY_ROLES.has(attr(d, 'role')?.toLowerCase() ?? ''));
  const captionElement = descriptions.find((d) => CAPTION_ROLES.has(attr(d, 'role')?.toLowerCase() ?? '')) ?? descriptions.find((d) => !attr(d, 'role'));
  const isMedia = kind !== 'text' && kind !== 'composite';
  const caption = textOf(captionElement);
  const credit = textOf(child(contentMeta, 'creditline'));
  const slug = textOf(child(contentMeta, 'slugline'));
  const printedHeadline = textOf(mainHeadline(contentMeta));
  // A picture's headline is its own title; it stays with it when a package makes it a story's media.
  const title = isMedia ? printedHeadline : undefined;
  const media: MediaItem[] =
    isMedia && (caption || credit || content.rendition)
      ? [{ kind, ...(title ? { title } : {}), ...(caption ? { caption } : {}), ...(credit ? { credit } : {}), ...content.rendition }]
      : [];
  const printedBody = dropRepeatedHeadline(content.body ?? [], printedHeadline);
  // A byline printed as the body's first paragraph names the author where the metadata names nobody.
  const printedByline = textOf(child(contentMeta, 'by')) ?? content.byline;
  const bodyByline = isPlaceholderByline(printedByline) ? splitOpeningByline(printedBody) : null;
  const byline = bodyByline?.byline ?? printedByline ?? creatorByline(contentMeta);
  const datelineElement = datelineText(
    printedDateline(textOf(child(contentMeta, 'dateline'))) ?? content.dateline ?? textOf(preferredName(child(contentMeta, 'located'))),
  );
  const withoutByline = bodyByline?.body ?? printedBody;
  // Without a dateline in the metadata, an agency dateline opening the body ("Jan. 12 (BusinessDesk) - …") is it.
  const opening = datelineElement === undefined && withoutByline[0]?.kind === 'paragraph' ? splitAgencyDateline(withoutByline[0].text) : null;
  const body = opening ? [{ ...withoutByline[0], text: opening.rest }, ...withoutByline.slice(1)] : withoutByline;
  const headline = fallbackHeadline(body, printedHeadline, content.headline, isMedia ? caption : undefined);
  const edNotes = children(itemMeta, 'edNote').map((note) => textOf(note));
  const pubStatus = g2PubStatus(attr(child(itemMeta, 'pubStatus'), 'qcode'));
  const markers = editorialMarkers({ headline, slug, notes: edNotes, lead: body[0]?.text });
  const links = g2Links(children(itemMeta, 'link'), guid);
  const summary = textOf(summaryElement);
  const contentModified = date(child(contentMeta, 'contentModified'));
  const firstCreated =
    date(child(itemMeta, 'firstCreated')) ?? date(child(contentMeta, 'contentCreated')) ?? parseWireDate(guidStampTime(provider, guid), zone);
  const versionCreated = date(child(itemMeta, 'versionCreated')) ?? contentModified ?? date(child(contentMeta, 'contentCreated'));
  return {
    kind,
    guid,
    draft: {
      format: 'newsml-g2',
      headline,
      wire: {
        ...(guid ? { guid } : {}),
        ...(attr(item, 'version') ? { version: attr(item, 'version') } : {}),
        ...(slug ? { slug } : {}),
        ...(markers.takeKey ? { takeKey: markers.takeKey } : {}),
        ...(links.length > 0 ? { links } : {}),
      },
      summary: summary ? [summary] : (content.summary ?? []),
      byline,
      dateline: datelineElement ?? opening?.dateline,
      body,
      media: [...media, ...(content.media ?? [])],
      language: attr(child(contentMeta, 'language'), 'tag') ?? attr(item, 'lang'),
      subjects: g2Subjects(contentMeta),
      ...readG2Metadata(item),
      urgency: urgencyOf(textOf(child(contentMeta, 'urgency'))),
      pubStatus,
      signals: mergeSignals(g2Signals(children(itemMeta, 'signal')), markers.signals, pubStatus === 'canceled' ? ['kill'] : []),
      embargo: date(child(itemMeta, 'embargoed')),
      firstCreated,
      versionCreated: versionCreated && firstCreated && versionCreated < firstCreated ? (contentModified ?? firstCreated) : versionCreated,
    },
  };
}

function itemKind(item: XmlElement): G2ItemKind {
  if (item.name === 'packageItem') return 'composite';
  const code = splitQcode(attr(child(child(item, 'itemMeta'), 'itemClass'), 'qcode'))?.[1]?.toLowerCase() ?? '';
  return MEDIA_CLASSES.find((kind) => kind === code) ?? 'text';
}

/** The main headline: one without a role or with the main role, else the first. */
function mainHeadline(contentMeta: XmlElement | undefined): XmlElement | undefined {
  const headlines = children(contentMeta, 'headline');
  return headlines.find((h) => !attr(h, 'role') || /main/i.test(attr(h, 'role') ?? '')) ?? headlines[0];
}

/**
 * Links to other items (`residref`, or STT's `guidref`) with their relation; web links (`href` only)
 * are not wire links. A link without a relation to the item's own guid points at its previous version.
 */
function g2Links(links: readonly XmlElement[], ownGuid: string | undefined): WireLink[] {
  return links.flatMap((link) => {
    const guid = attr(link, 'residref') ?? attr(link, 'guidref');
    if (!guid) return [];
    return [{ rel: attr(link, 'rel') ?? (guid === ownGuid ? 'irel:previousVersion' : 'irel:seeAlso'), guid }];
  });
}

/** Reuters sometimes fills `<dateline>` with a timestamp; that is not a dateline. */
function printedDateline(text: string | undefined): string | undefined {
  return text && !/^\d{4}-\d{2}-\d{2}/.test(text) ? text : undefined;
}

/** HTML bodies often repeat the headline as their first heading. */
function dropRepeatedHeadline<T extends { kind: string; text: string }>(body: T[], headline: string | undefined): T[] {
  return body.length > 0 && body[0].kind === 'crosshead' && body[0].text === headline ? body.slice(1) : body;
}
