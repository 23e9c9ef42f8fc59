import { MediaItem, StoryVersionMessage, Subject } from '@copydesk/contracts';

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
  uri?: string;
  literal?: string;
}

export interface NinjsRendition {
  name: string;
  href?: string;
  contentType?: string;
}

/** A captioned picture, video, audio clip or graphic that goes with the story. */
export interface NinjsAssociation {
  name: string;
  uri: string;
  rel: 'illustration';
  type: 'picture' | 'video' | 'audio' | 'graphic';
  descriptions?: { role: 'caption' | 'creditline'; contentType: 'text/plain'; value: string }[];
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

/** Media as an association: caption and credit as descriptions, the credit also as `by`, the file as a rendition. */
function toAssociation(m: MediaItem, index: number, storyUri: string): NinjsAssociation {
  const assoc: NinjsAssociation = { name: `${m.kind}${index + 1}`, uri: `${storyUri}:media:${index + 1}`, rel: 'illustration', type: m.kind };
  const descriptions: NonNullable<NinjsAssociation['descriptions']> = [];
  if (m.caption) descriptions.push({ role: 'caption', contentType: 'text/plain', value: m.caption });
  if (m.credit) descriptions.push({ role: 'creditline', contentType: 'text/plain', value: m.credit });
  if (descriptions.length > 0) assoc.descriptions = descriptions;
  if (m.credit) assoc.by = m.credit;
  if (m.href || m.mimeType) {
    const rendition: NinjsRendition = { name: 'original' };
    if (m.href && isFetchedUrl(m.href)) rendition.href = m.href;
    if (m.mimeType) rendition.contentType = m.mimeType;
    assoc.renditions = [rendition];
  }
  return assoc;
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
  const subjects = item.subjects.map(toNinjsSubject).filter((s): s is NinjsSubject => s !== null);
  if (subjects.length > 0) doc.subjects = subjects;
  if (item.media.length > 0) doc.associations = item.media.map((m, i) => toAssociation(m, i, uri));
  if (item.wire.guid) doc.altIds = [{ role: 'wire-guid', value: item.wire.guid }];
  return doc;
}
