import { StoryVersionMessage } from '@copydesk/contracts';

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
  subjects?: { name?: string; uri?: string }[];
  associations?: Record<string, unknown>[];
  altIds?: { role: string; value: string }[];
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
  const subjects = item.subjects.filter((s) => s.name || s.code).map((s) => ({ ...(s.name ? { name: s.name } : {}), ...(s.code ? { uri: `${s.scheme ?? 'code'}:${s.code}` } : {}) }));
  if (subjects.length > 0) doc.subjects = subjects;
  if (item.media.length > 0) {
    doc.associations = item.media.map((m, i) => {
      const assoc: Record<string, unknown> = { name: `${m.kind}${i + 1}`, rel: 'illustration', uri: `${uri}:media:${i + 1}`, type: m.kind === 'graphic' ? 'graphic' : m.kind };
      if (m.caption) assoc.descriptions = [{ role: 'caption', contentType: 'text/plain', value: m.caption }];
      if (m.credit) assoc.by = m.credit;
      if (m.href) assoc.renditions = [{ name: 'original', href: m.href, ...(m.mimeType ? { contentType: m.mimeType } : {}) }];
      return assoc;
    });
  }
  if (item.wire.guid) doc.altIds = [{ role: 'wire-guid', value: item.wire.guid }];
  return doc;
}
