import type { Place, PubStatus, Subject } from '@copydesk/contracts';
import type { CanonicalItemDraft } from '../../item/canonical-item.factory';
import { fallbackHeadline } from '../xml/fallback-headline';
import { readMarkupBody } from '../xml/markup-body.reader';
import type { XmlElement } from '../xml/xml-node.types';
import { at, attr, child, children, cleanText, datelineText, textOf, textWithout, urgencyOf } from '../xml/xml-query';
import { parseWireDate } from '../xml/wire-date';
import { editorialMarkers, mergeSignals } from '../xml/wire-signals';
import { nitfCatchline } from './nitf-catchline';
import { nitfSubjects } from './nitf-subjects';

const BYLINE_EXTRAS = new Set(['byttl']);
const DATELINE_EXTRAS = new Set(['story.date']);
/** Editors' initials in the byline slot ("gr/bp", EFE): a sign-off, not an author. */
const SIGN_OFF = /^[a-z]{1,4}(?:\/[a-z]{1,4})+$/;

/** What an NITF body contributes when it is embedded in another format (NewsML 1.2, NewsML-G2). */
export type NitfBodyParts = Pick<CanonicalItemDraft, 'summary' | 'byline' | 'dateline' | 'body' | 'media'> & { headline?: string };

/** Headline, abstract, byline, dateline, body and media of an NITF `<body>` (or of a whole `<nitf>`). */
export function nitfBodyParts(nitfOrBody: XmlElement): NitfBodyParts {
  const body = nitfOrBody.name === 'body' ? nitfOrBody : child(nitfOrBody, 'body');
  const head = child(body, 'body.head');
  const content = readMarkupBody(child(body, 'body.content'));
  const headMedia = readMarkupBody({ name: 'head', attrs: {}, children: children(head, 'media') });
  return {
    headline: textOf(at(head, 'hedline', 'hl1')) ?? textOf(at(head, 'headline', 'hl1')) ?? textOf(at(nitfOrBody, 'head', 'title')),
    summary: readMarkupBody(child(head, 'abstract')).body.map((block) => block.text),
    byline:
      children(head, 'byline')
        .map((byline) => textWithout(byline, BYLINE_EXTRAS))
        .filter((text): text is string => text !== undefined && !SIGN_OFF.test(text))
        .join(', ') || undefined,
    dateline: datelineOf(child(head, 'dateline')),
    body: content.body,
    media: [...headMedia.media, ...content.media],
  };
}

/** A whole NITF document to an item draft. Times without a zone are read in `timeZone`. */
export function mapNitfDocument(nitf: XmlElement, timeZone: string): CanonicalItemDraft {
  const head = child(nitf, 'head');
  const docdata = child(head, 'docdata');
  const parts = nitfBodyParts(nitf);
  const meta = new Map(children(head, 'meta').map((element) => [attr(element, 'name')?.toLowerCase(), attr(element, 'content')]));
  // A title that is a catch line stands in for a missing headline as the catch line, not as its raw code.
  const catchline = nitfCatchline(head);
  const headline = fallbackHeadline(parts.body, parts.headline === textOf(child(head, 'title')) ? (catchline ?? parts.headline) : parts.headline);
  const slug = meta.get('anpa-keyword') ?? catchline ?? attr(at(docdata, 'key-list', 'keyword'), 'key') ?? textOf(at(docdata, 'key-list', 'keyword'));
  const issued = dateOf(child(docdata, 'date.issue'), timeZone);
  const released = dateOf(child(docdata, 'date.release'), timeZone);
  const pubStatus = pubStatusOf(attr(docdata, 'management-status'));
  const edNote = attr(child(docdata, 'ed-msg'), 'info');
  const markers = editorialMarkers({ headline, slug, notes: [edNote], lead: parts.body?.[0]?.text });
  const takeKey = meta.get('anpa-takekey') ?? markers.takeKey;
  return {
    ...parts,
    format: 'nitf',
    headline,
    wire: {
      ...(attr(child(docdata, 'doc-id'), 'id-string') ? { guid: attr(child(docdata, 'doc-id'), 'id-string') } : {}),
      ...(slug ? { slug } : {}),
      ...(takeKey ? { takeKey } : {}),
    },
    dateline: datelineText(parts.dateline ?? attr(child(docdata, 'evloc'), 'city')),
    language: attr(nitf, 'baselang') ?? attr(nitf, 'lang') ?? attr(child(nitf, 'body'), 'lang'),
    subjects: nitfSubjects(child(head, 'tobject')) satisfies Subject[],
    urgency: urgencyOf(attr(child(docdata, 'urgency'), 'ed-urg')),
    pubStatus,
    signals: mergeSignals(markers.signals, pubStatus === 'canceled' ? ['kill'] : []),
    embargo: released && (!issued || released > issued) ? released : undefined,
    edNote: edNote === undefined ? undefined : cleanText(edNote),
    // NITF's <keyword> is an empty element that carries its word in `key`; text inside one is not NITF.
    keywords: children(child(docdata, 'key-list'), 'keyword')
      .map((keyword) => attr(keyword, 'key'))
      .filter((keyword): keyword is string => keyword !== undefined),
    places: nitfPlaces(child(docdata, 'evloc')),
    expires: dateOf(child(docdata, 'date.expire'), timeZone),
    firstCreated: issued,
    versionCreated: issued,
  };
}

/** NITF management-status: usable, embargoed, withheld, canceled. An embargo is still usable later; it is carried by `embargo`. */
export function pubStatusOf(status: string | undefined): PubStatus {
  const value = status?.toLowerCase();
  if (value === 'withheld') return 'withheld';
  return value === 'canceled' || value === 'cancelled' ? 'canceled' : 'usable';
}

/** The event's city is the place the story is about; state and country only qualify it. */
function nitfPlaces(evloc: XmlElement | undefined): Place[] {
  const city = attr(evloc, 'city');
  return city ? [{ name: city }] : [];
}

function datelineOf(dateline: XmlElement | undefined): string | undefined {
  if (!dateline) return undefined;
  const location = child(dateline, 'location');
  return textOf(child(location, 'city')) ?? textOf(location) ?? textWithout(dateline, DATELINE_EXTRAS);
}

function dateOf(element: XmlElement | undefined, timeZone: string): string | undefined {
  return parseWireDate(attr(element, 'norm'), timeZone) ?? parseWireDate(textOf(element), timeZone);
}
