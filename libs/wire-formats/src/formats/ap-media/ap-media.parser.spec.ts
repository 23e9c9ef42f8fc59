import type { FormatParseContext } from '../wire-format-handler.types';
import { looksLikeApMedia, parseApMedia } from './ap-media.parser';

const ctx: FormatParseContext = { capturedAt: new Date('2025-01-01T00:00:00Z'), timeZone: 'UTC', maxLineChars: 1_000_000 };

const textItem = {
  uri: 'https://api.example.com/content/abc?qt=1',
  altids: { itemid: 'abc123', etag: 'abc123_0a1', friendlykey: '1' },
  version: 2,
  type: 'text',
  urgency: 3,
  language: 'en',
  headline: 'Court rules on travel ban',
  slugline: 'BC-US--Travel Ban',
  editorialtypes: ['Writethru', 'Correction'],
  signals: ['newscontent'],
  bylines: [{ by: 'By JANE ROE' }],
  datelinelocation: { city: 'Honolulu' },
  pubstatus: 'usable',
  firstcreated: '2025-01-01T10:00:00Z',
  versioncreated: '2025-01-01T11:00:00Z',
  embargoed: '2025-01-01T12:00:00Z',
  subject: [
    { code: 'a', name: 'Domestic News', rels: ['category'] },
    { code: 'f00d', name: 'Courts', scheme: 'http://cv.ap.org/id/' },
  ],
};

const pictureItem = {
  altids: { itemid: 'pic1', friendlykey: '2' },
  version: 0,
  type: 'picture',
  headline: 'Surfers',
  description_caption: 'Surfers ride a wave.',
  description_creditline: 'AP Photo/Ann Lee',
  renditions: { main: { href: 'https://api.example.com/pic1/download', mimetype: 'image/jpeg' } },
};

describe('parseApMedia', () => {
  it('reads a single item response', () => {
    const [item] = parseApMedia(JSON.stringify({ api_version: '1.1', data: { item: textItem } }), ctx);
    expect(item).toMatchObject({
      format: 'ap-media',
      wire: { guid: 'abc123', version: '2', slug: 'US--Travel Ban' },
      headline: 'Court rules on travel ban',
      byline: 'By JANE ROE',
      dateline: 'Honolulu',
      language: 'en',
      urgency: 3,
      signals: ['update', 'correction'],
      embargo: '2025-01-01T12:00:00.000Z',
      firstCreated: '2025-01-01T10:00:00.000Z',
      versionCreated: '2025-01-01T11:00:00.000Z',
      subjects: [
        { code: 'a', name: 'Domestic News', scheme: 'ap-category' },
        { code: 'f00d', name: 'Courts', scheme: 'http://cv.ap.org/id/' },
      ],
    });
  });

  it('reads every item of a feed page, pictures with caption and credit', () => {
    const page = {
      api_version: '1.1',
      data: {
        items: [
          { meta: {}, item: textItem },
          { meta: {}, item: pictureItem },
        ],
      },
    };
    const items = parseApMedia(JSON.stringify(page), ctx);
    expect(items.map((item) => item.wire.guid)).toEqual(['abc123', 'pic1']);
    expect(items[1].media).toEqual([
      {
        kind: 'picture',
        title: 'Surfers',
        caption: 'Surfers ride a wave.',
        credit: 'AP Photo/Ann Lee',
        href: 'https://api.example.com/pic1/download',
        mimeType: 'image/jpeg',
        renditions: [{ name: 'main', href: 'https://api.example.com/pic1/download', mimeType: 'image/jpeg' }],
      },
    ]);
  });

  it('marks a Kill, and a canceled item, with the kill signal', () => {
    const [killed] = parseApMedia(JSON.stringify({ data: { item: { ...textItem, editorialtypes: ['Kill'], pubstatus: 'canceled' } } }), ctx);
    expect(killed.signals).toEqual(['kill']);
    expect(killed.pubStatus).toBe('canceled');
  });

  it('throws NO_STORIES for an empty feed page', () => {
    expect(() => parseApMedia('{"api_version": "1.1", "data": {"items": []}}', ctx)).toThrow(expect.objectContaining({ code: 'NO_STORIES' }));
  });

  it('sniffs AP keys, not plain ninjs', () => {
    expect(looksLikeApMedia('{"api_version": "1.1"}')).toBe(true);
    expect(looksLikeApMedia('{"uri": "x", "headline": "y"}')).toBe(false);
  });
});

describe('parseApMedia associations', () => {
  it('lists a text item’s associated pictures as media references', () => {
    const item = {
      ...textItem,
      associations: { '1': { type: 'picture', uri: 'https://api.example.com/pic9', headline: 'x' }, '2': { type: 'text', uri: 'u' } },
    };
    const [parsed] = parseApMedia(JSON.stringify({ data: { item } }), ctx);
    expect(parsed.media).toEqual([{ kind: 'picture', href: 'https://api.example.com/pic9' }]);
  });
});
