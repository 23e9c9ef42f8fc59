import { Author, MediaItem, Rendition, StoryVersionMessage, Subject } from '@copydesk/contracts';

/** The subset of IPTC ninjs 3.1 that Copydesk writes. */
export interface NinjsDocument {
  uri: string;
  type: 'text';
  version: string;
  firstCreated?: string;
  versionCreated: string;
  pubStatus: 'usable' | 'withheld' | 'canceled';
  urgency?: number;
  language?: string;
  headlines: { role: string; value: string }[];
  descriptions?: { role: string; contentType: string; value: string }[];
  bodies?: { role: string; contentType: string; value: string }[];
  by?: string;
  located?: string;
  slugline?: string;
  embargoedUntil?: string;
  subjects?: NinjsSubject[];
  associations?: NinjsAssociation[];
  altIds?: { role: string; value: string }[];
  edNote?: string;
  usageTerms?: string;
  expires?: string;
  /** The authors as people, each with its role as the relation (`rel`). */
  people?: NinjsConcept[];
  places?: NinjsConcept[];
  genres?: NinjsConcept[];
}

/**
 * What a reader without the all-statuses right gets of a withheld or canceled version on the
 * stream: enough to take the story down (which story, which version, its status), none of its copy.
 */
export type NinjsStatusNotice = Pick<NinjsDocument, 'uri' | 'type' | 'version' | 'versionCreated' | 'pubStatus'>;

export function statusNotice(doc: NinjsDocument): NinjsStatusNotice {
  return { uri: doc.uri, type: doc.type, version: doc.version, versionCreated: doc.versionCreated, pubStatus: doc.pubStatus };
}

export interface NinjsSubject {
  name?: string;
  /** `keyword` for the wire's keywords: ninjs 3.x has no keywords property, and files them as subjects. */
  rel?: string;
  uri?: string;
  literal?: string;
}

/** A person, place or genre: a name, and an identifier as a URI or a literal. */
export interface NinjsConcept {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
}

export interface NinjsRendition {
  name: string;
  href?: string;
  contentType?: string;
  width?: number;
  height?: number;
  sizeInBytes?: number;
  poi?: { x: number; y: number };
}

/** A captioned picture, video, audio clip or graphic that goes with the story. */
export interface NinjsAssociation {
  name: string;
  uri: string;
  rel: 'illustration';
  type: 'picture' | 'video' | 'audio' | 'graphic';
  /** `alt` carries the alt text: ninjs 3.1 has no property of its own for it. */
  descriptions?: { role: 'caption' | 'creditline' | 'alt'; contentType: 'text/plain'; value: string }[];
  /** The credit as printed: "Reuters". */
  by?: string;
  renditions?: NinjsRendition[];
}

const URI_SCHEME = /^[a-z][a-z0-9+.-]*$/i;
/** Schemes a reader's browser would run or inline rather than fetch: never written as a URI. */
const ACTIVE_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data', 'blob', 'file']);
/** The only schemes a rendition's file is fetched by. */
const FETCHED_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);

/**
 * A subject code becomes a URI when its scheme makes one (`medtop:20000001`, an http vocabulary), else a literal.
 * A scheme such as `javascript` makes a literal too: a consumer that links subject URIs must not be handed script.
 */
function toNinjsSubject(s: Subject): NinjsSubject | null {
  if (!s.name && !s.code) return null;
  const out: NinjsSubject = {};
  if (s.name) out.name = s.name;
  if (s.code) {
    if (s.scheme && /^https?:\/\/\S+$/.test(s.scheme)) out.uri = `${s.scheme}${s.scheme.endsWith('/') ? '' : '/'}${uriComponent(s.code)}`;
    else if (s.scheme && URI_SCHEME.test(s.scheme) && !ACTIVE_SCHEMES.has(s.scheme.toLowerCase())) out.uri = `${s.scheme}:${uriComponent(s.code)}`;
    else out.literal = s.scheme ? `${s.scheme}:${s.code}` : s.code;
  }
  return out;
}

// Half of a surrogate pair without the other half: encodeURIComponent throws URIError on one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A code as a URI component, a lone surrogate read as U+FFFD rather than thrown on. */
function uriComponent(code: string): string {
  return encodeURIComponent(code.replace(LONE_SURROGATE, '\ufffd'));
}

/**
 * Media as an association: caption, credit and alt text as descriptions, the credit also as `by`, the files as
 * renditions (every one the wire listed, else the one file the item names).
 */
function toAssociation(m: MediaItem, index: number, storyUri: string): NinjsAssociation {
  const assoc: NinjsAssociation = { name: `${m.kind}${index + 1}`, uri: `${storyUri}:media:${index + 1}`, rel: 'illustration', type: m.kind };
  const descriptions: NonNullable<NinjsAssociation['descriptions']> = [];
  if (m.caption) descriptions.push({ role: 'caption', contentType: 'text/plain', value: m.caption });
  if (m.credit) descriptions.push({ role: 'creditline', contentType: 'text/plain', value: m.credit });
  if (m.altText) descriptions.push({ role: 'alt', contentType: 'text/plain', value: m.altText });
  if (descriptions.length > 0) assoc.descriptions = descriptions;
  if (m.credit) assoc.by = m.credit;
  if (m.renditions && m.renditions.length > 0) {
    assoc.renditions = m.renditions.map(toRendition);
  } else if (m.href || m.mimeType) {
    const rendition: NinjsRendition = { name: 'original' };
    if (m.href && isFetchedUrl(m.href)) rendition.href = m.href;
    if (m.mimeType) rendition.contentType = m.mimeType;
    assoc.renditions = [rendition];
  }
  return assoc;
}

function toRendition(r: Rendition): NinjsRendition {
  const rendition: NinjsRendition = { name: r.name };
  if (r.href && isFetchedUrl(r.href)) rendition.href = r.href;
  if (r.mimeType) rendition.contentType = r.mimeType;
  if (r.width !== undefined) rendition.width = r.width;
  if (r.height !== undefined) rendition.height = r.height;
  if (r.sizeInBytes !== undefined) rendition.sizeInBytes = r.sizeInBytes;
  if (r.poi) rendition.poi = { x: r.poi.x, y: r.poi.y };
  return rendition;
}

/**
 * A place, genre or person as ninjs names one: its name, and its identifier as a URI where it is an absolute
 * http(s) URI, else as a literal (`scheme:code`). ninjs `uri` is format `uri`: a bare code would fail it.
 */
function toConcept(c: { name?: string; code?: string; scheme?: string }, rel?: string): NinjsConcept | null {
  if (!c.name && !c.code) return null;
  const out: NinjsConcept = {};
  if (c.name) out.name = c.name;
  if (rel) out.rel = rel;
  if (c.code) {
    if (!c.scheme && isFetchedUrl(c.code)) out.uri = c.code;
    else out.literal = c.scheme ? `${c.scheme}:${c.code}` : c.code;
  }
  return out;
}

function concepts(list: readonly { name?: string; code?: string; scheme?: string }[] | undefined): NinjsConcept[] {
  return (list ?? []).map((c) => toConcept(c)).filter((c): c is NinjsConcept => c !== null);
}

/** Authors as ninjs people: the name, the role as the relation, the wire's id as a URI or a literal. */
function toPerson(author: Author): NinjsConcept {
  const person: NinjsConcept = { name: author.name };
  if (author.role) person.rel = author.role;
  if (author.uri) {
    if (isFetchedUrl(author.uri)) person.uri = author.uri;
    else person.literal = author.uri;
  }
  return person;
}

/**
 * Whether a media href is an http(s) URL. Anything else (`javascript:`, `data:`, `file:`, a relative
 * path) is left out of the rendition: the URL parser sees through case, spaces and tabs that
 * disguise a scheme ("  JaVa\tScript:…").
 */
function isFetchedUrl(text: string): boolean {
  try {
    return FETCHED_SCHEMES.has(new URL(text).protocol);
  } catch {
    return false;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function storyUri(base: string, storyId: string): string {
  return `${base}:story:${storyId}`;
}

/** A story version as an IPTC ninjs 3.1 document: `uri` is stable across versions. */
export function toNinjs(v: StoryVersionMessage, uriBase: string): NinjsDocument {
  const item = v.item;
  const uri = storyUri(uriBase, v.storyId);
  const doc: NinjsDocument = {
    uri,
    type: 'text',
    version: String(v.version),
    firstCreated: item.firstCreated ?? v.storyCreatedAt,
    versionCreated: v.updatedAt,
    pubStatus: v.kind === 'withdrawn' ? 'canceled' : item.pubStatus,
    headlines: [{ role: 'main', value: item.headline }],
  };
  if (item.urgency !== undefined) doc.urgency = item.urgency;
  if (item.language) doc.language = item.language;
  if (item.summary.length > 0) {
    doc.descriptions = item.summary.map((value) => ({ role: 'summary', contentType: 'text/plain', value }));
  }
  if (item.body.length > 0) {
    const first = item.body[0];
    const plain = item.body.map((b, i) => (i === 0 && item.dateline && first.kind === 'paragraph' ? `${item.dateline}: ${b.text}` : b.text)).join('\n\n');
    const html = item.body
      .map((b, i) => {
        if (b.kind === 'crosshead') return `<h2>${escapeHtml(b.text)}</h2>`;
        const text = i === 0 && item.dateline ? `<span class="dateline">${escapeHtml(item.dateline)}:</span> ${escapeHtml(b.text)}` : escapeHtml(b.text);
        return `<p>${text}</p>`;
      })
      .join('');
    doc.bodies = [
      { role: 'main', contentType: 'text/plain', value: plain },
      { role: 'main', contentType: 'text/html', value: html },
    ];
  }
  if (item.byline) doc.by = item.byline;
  if (item.dateline) doc.located = item.dateline;
  if (item.wire.slug) doc.slugline = item.wire.slug;
  if (item.embargo) doc.embargoedUntil = item.embargo;
  const keywords = (item.keywords ?? []).map((name): NinjsSubject => ({ name, rel: 'keyword' }));
  const subjects = [...item.subjects.map(toNinjsSubject).filter((s): s is NinjsSubject => s !== null), ...keywords];
  if (subjects.length > 0) doc.subjects = subjects;
  if (item.media.length > 0) doc.associations = item.media.map((m, i) => toAssociation(m, i, uri));
  if (item.wire.guid) doc.altIds = [{ role: 'wire-guid', value: item.wire.guid }];
  if (item.edNote) doc.edNote = item.edNote;
  if (item.usageTerms) doc.usageTerms = item.usageTerms;
  if (item.expires) doc.expires = item.expires;
  if (item.authors && item.authors.length > 0) doc.people = item.authors.map(toPerson);
  const places = concepts(item.places);
  if (places.length > 0) doc.places = places;
  const genres = concepts(item.genres);
  if (genres.length > 0) doc.genres = genres;
  return doc;
}
