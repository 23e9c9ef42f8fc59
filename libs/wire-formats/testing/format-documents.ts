import type { WireFormat } from '@copydesk/contracts';

/**
 * One ordinary document per format parseWire reads, built from a story's parts, for specs and the
 * fuzz suite to blow up or mutate. Test support only (outside src/, so never built into the library).
 */

/** The parts of a story each adversarial case blows up; `tail` goes after the body (many elements, nesting). */
export interface Story {
  headline: string;
  dateline: string;
  byline: string;
  slug: string;
  body: string;
  tail: string;
  /** The version time as the format prints it; the format's own example when absent. */
  date?: string;
}

export const NORMAL: Story = {
  headline: 'Storm batters the coast',
  dateline: 'MIAMI',
  byline: 'Jane Roe',
  slug: 'US-Storm',
  body: 'A storm battered the coast on Tuesday, officials said.',
  tail: '',
};

/** `unit` repeated to `size` characters. */
export const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
/** As many whole copies of `unit` as fit in `size` characters (elements are never cut). */
const copies = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const json = (text: string) => JSON.stringify(text);
const lines = (...parts: string[]) => parts.join('\n');

export interface Format {
  /** What parseWire reads the document as. */
  format: WireFormat;
  contentType: string;
  document(story: Story): string;
  /** Many tiny elements (or lines) of about `size` characters. */
  many(size: number): string;
  /** Nesting (or, for line formats, blank and space-only lines) of about `size` characters. */
  deep(size: number): string;
}

// Tens of thousands of short paragraphs per megabyte; nesting far deeper than any reader allows.
const htmlMany = (size: number) => copies('<p>A short one.</p>', size);
const htmlDeep = (size: number) => `${copies('<i>', size / 2)}x${copies('</i>', size / 2)}`;
const lineMany = (size: number) => copies('A short one.\n\n', size);
const lineDeep = (size: number) => copies('\n   \n\t\t\n\u00a0\u00a0\n', size);

export const FORMATS: Record<string, Format> = {
  'text page': {
    format: 'text-page',
    contentType: 'text/plain',
    document: (s) =>
      lines(
        s.headline,
        '',
        `Update ${s.headline}`,
        'Short Url',
        s.date ?? 'Updated 4 sec ago',
        'Follow',
        '',
        s.headline,
        '',
        s.headline,
        `  \u2022 ${s.slug}`,
        '',
        `${s.dateline}: ${s.body}`,
        '',
        s.byline,
        '',
        s.tail,
      ),
    many: lineMany,
    deep: lineDeep,
  },
  'plain text': {
    format: 'plain-text',
    contentType: 'text/plain',
    document: (s) => lines(s.headline, '', `${s.dateline}: ${s.body}`, '', s.byline, '', s.slug, '', s.tail),
    many: lineMany,
    deep: lineDeep,
  },
  ninjs: {
    format: 'ninjs',
    contentType: 'application/json',
    document: (s) =>
      `{"uri":${json(`urn:x:${s.slug}`)},"version":"1","type":"text","headline":${json(s.headline)},"slugline":${json(s.slug)},"byline":${json(s.byline)},` +
      `"located":${json(s.dateline)},"body_html":${json(`<p>${s.body}</p>${s.tail}`)},"description_text":${json(s.body)},"versioncreated":${json(s.date ?? '2025-01-01T10:00:00+0000')}}`,
    many: htmlMany,
    deep: htmlDeep,
  },
  'AP media': {
    format: 'ap-media',
    contentType: 'application/json',
    document: (s) =>
      `{"api_version":"1.1","data":{"item":{"uri":"https://x/1","altids":{"itemid":${json(s.slug)},"friendlykey":"1"},"version":2,"type":"text",` +
      `"headline":${json(s.headline)},"slugline":${json(`BC-${s.slug}`)},"bylines":[{"by":${json(s.byline)}}],"datelinelocation":{"city":${json(s.dateline)}},` +
      `"pubstatus":"usable","versioncreated":${json(s.date ?? '2025-01-01T11:00:00Z')},"headline_extended":${json(s.body + s.tail)}}}}`,
    many: (size) => copies('a. ', size),
    deep: (size) => copies('[(', size),
  },
  NITF: {
    format: 'nitf',
    contentType: 'application/xml',
    document: (s) =>
      `<?xml version="1.0"?><nitf><head><title>${xml(s.headline)}</title><docdata><doc-id id-string="${xml(s.slug)}"/></docdata></head><body><body.head>` +
      `<hedline><hl1>${xml(s.headline)}</hl1></hedline><byline>${xml(s.byline)}</byline><dateline>${xml(s.dateline)}</dateline></body.head>` +
      `<body.content><p>${xml(s.body)}</p>${s.tail}</body.content></body></nitf>`,
    many: htmlMany,
    deep: htmlDeep,
  },
  'NewsML 1.2': {
    format: 'newsml-1.2',
    contentType: 'application/xml',
    document: (s) =>
      `<?xml version="1.0"?><NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20140829</DateId>` +
      `<NewsItemId>${xml(s.slug)}</NewsItemId><RevisionId>1</RevisionId><PublicIdentifier>urn:${xml(s.slug)}</PublicIdentifier></NewsIdentifier></Identification>` +
      `<NewsManagement><FirstCreated>${xml(s.date ?? '20140829T134951Z')}</FirstCreated></NewsManagement><NewsComponent><NewsLines><HeadLine>${xml(s.headline)}</HeadLine>` +
      `<ByLine>${xml(s.byline)}</ByLine><DateLine>${xml(s.dateline)}</DateLine><SlugLine>${xml(s.slug)}</SlugLine></NewsLines><ContentItem>` +
      `<MediaType FormalName="Text"/><DataContent><nitf><body><body.content><p>${xml(s.body)}</p>${s.tail}</body.content></body></nitf></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>`,
    many: htmlMany,
    deep: htmlDeep,
  },
  'NewsML-G2': {
    format: 'newsml-g2',
    contentType: 'application/xml',
    document: (s) =>
      `<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${xml(`urn:${s.slug}`)}" version="1"><itemMeta><itemClass qcode="ninat:text"/>` +
      `<versionCreated>${xml(s.date ?? '2025-01-01T10:00:00Z')}</versionCreated></itemMeta><contentMeta><headline>${xml(s.headline)}</headline><slugline>${xml(s.slug)}</slugline>` +
      `<by>${xml(s.byline)}</by><dateline>${xml(s.dateline)}</dateline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">` +
      `<html xmlns="http://www.w3.org/1999/xhtml"><body><p>${xml(s.body)}</p>${s.tail}</body></html></inlineXML></contentSet></newsItem>`,
    many: htmlMany,
    deep: htmlDeep,
  },
  'IPTC 7901': {
    format: 'iptc7901',
    contentType: 'text/plain',
    document: (s) =>
      lines(
        '\u0001eca123 3 i 120 ccccb   dpa 045',
        '',
        `${s.slug}/`,
        '\u0002REFILE',
        `${s.headline} =`,
        `By ${s.byline} =`,
        '',
        `   ${s.dateline} (dpa) - ${s.body}`,
        '',
        s.tail,
        '',
        `\u0003${s.date ?? '121530 GMT M\u00e4r 24'}`,
        '\u0004',
      ),
    many: lineMany,
    deep: lineDeep,
  },
  ANPA: {
    format: 'anpa1312',
    contentType: 'text/plain',
    document: (s) =>
      lines(
        '\u0016\u0016\u0001W1234\u001fasian',
        'b a\u0013\u0011 BC-US--Storm 2ndLd-Writethru   03-12 0420',
        `\u0002^BC-${s.slug}, 2nd Ld-Writethru,420<`,
        `^${s.headline}<`,
        `^By ${s.byline}=`,
        '^Associated Press=',
        `\t   ${s.dateline} (AP) _ ${s.body}`,
        ' ',
        s.tail,
        `\t   \u0003${s.date ?? 'AP-WF-03-12-24 1530GMT'}<`,
        '\u0004',
      ),
    many: (size) => copies('\t   A short one.\n ', size),
    deep: lineDeep,
  },
  RSS: {
    format: 'rss',
    contentType: 'application/rss+xml',
    document: (s) =>
      `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>W</title><item><title>${xml(s.headline)}</title>` +
      `<guid>${xml(s.slug)}</guid><description>${xml(`<p>${s.body}</p>${s.tail}`)}</description><dc:creator>${xml(s.byline)}</dc:creator>` +
      `<category>${xml(s.dateline)}</category><pubDate>${xml(s.date ?? 'Mon, 29 Jul 2013 16:03:54 +0000')}</pubDate></item></channel></rss>`,
    many: htmlMany,
    deep: htmlDeep,
  },
  Atom: {
    format: 'atom',
    contentType: 'application/atom+xml',
    document: (s) =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>${xml(s.slug)}</id><title type="html">${xml(s.headline)}</title><updated>${xml(s.date ?? '2024-05-01T11:00:00Z')}</updated>` +
      `<author><name>${xml(s.byline)}</name></author><category term="${xml(s.dateline)}"/><content type="html">${xml(`<p>${s.body}</p>${s.tail}`)}</content></entry></feed>`,
    many: htmlMany,
    deep: htmlDeep,
  },
  'e-mail': {
    format: 'email',
    contentType: 'message/rfc822',
    document: (s) =>
      lines(
        `From: ${s.byline} <desk@example.com>`,
        `Subject: ${s.headline}`,
        `Date: ${s.date ?? 'Thu, 19 Feb 2015 17:18:40 +1100 (AEDT)'}`,
        `Message-ID: <${s.slug}@example.com>`,
        'Content-Type: text/plain; charset=UTF-8; format=flowed',
        '',
        `${s.dateline}: ${s.body}`,
        '',
        s.tail,
        '-- ',
        'The desk',
      ),
    many: lineMany,
    deep: lineDeep,
  },
  'e-mail, MIME': {
    format: 'email',
    contentType: 'message/rfc822',
    document: (s) =>
      lines(
        `From: =?utf-8?Q?${s.byline}?= <desk@example.com>`,
        `Subject: =?windows-1252?Q?${s.headline}?= =?utf-8?B?IFVwZGF0ZQ==?=`,
        `Date: ${s.date ?? 'Thu, 19 Feb 2015 17:18:40 +1100'}`,
        `Message-ID: <${s.slug}@example.com>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: multipart/alternative; boundary="b2"',
        '',
        '--b2',
        'Content-Type: text/plain; charset=windows-1252',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        `${s.dateline}: ${s.body}=`,
        '',
        s.tail,
        '--b2',
        'Content-Type: text/html; charset=UTF-8',
        '',
        `<p>${s.body}</p>`,
        '--b2--',
        '--b1',
        'Content-Type: image/jpeg',
        'Content-Transfer-Encoding: base64',
        '',
        '/9j/4AAQSkZJRgABAQAAAQABAAD/',
        '--b1--',
      ),
    // Lines that open like a delimiter but name a longer boundary: each must be looked at once.
    many: (size) => copies('--b2x\n', size),
    deep: lineDeep,
  },
  Ritzau: {
    format: 'ritzau',
    contentType: 'application/xml',
    document: (s) =>
      `<?xml version="1.0"?><RBNews><NewsID>${xml(s.slug)}</NewsID><version>1</version><headline>${xml(s.headline)}</headline><origin>${xml(s.byline)}</origin>` +
      `<town>${xml(s.dateline)}</town><strapline>${xml(s.slug)}</strapline><content>${xml(`<p>${s.body}</p>${s.tail}`)}</content><PublishDate>${xml(s.date ?? '2024-05-01T11:00:00')}</PublishDate></RBNews>`,
    many: htmlMany,
    deep: htmlDeep,
  },
};
