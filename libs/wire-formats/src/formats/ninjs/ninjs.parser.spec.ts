import { WireFormatError } from '../../errors/wire-format.error';
import type { FormatParseContext } from '../wire-format-handler.types';
import { looksLikeNinjs, parseNinjs } from './ninjs.parser';

const ctx: FormatParseContext = { capturedAt: new Date('2025-01-01T00:00:00Z'), timeZone: 'UTC', maxLineChars: 1_000_000 };
const parse = (document: unknown) => parseNinjs(JSON.stringify(document), ctx);

describe('parseNinjs', () => {
  it('reads a ninjs 1.x document', () => {
    const [item] = parse({
      uri: 'urn:newsml:example.com:20250101:abc',
      version: '3',
      type: 'text',
      headline: 'Storm hits coast',
      slugline: 'WEATHER-STORM',
      byline: 'By Jane Roe',
      located: 'HAVANA',
      body_html: '<p>First paragraph.</p><h3>WHAT NEXT</h3><p>Second paragraph.</p>',
      description_text: 'A storm hit the coast.',
      versioncreated: '2025-01-01T10:00:00+0000',
      firstcreated: '2025-01-01T08:00:00+0000',
      embargoed: '2025-01-01T12:00:00+0000',
      pubstatus: 'usable',
      urgency: 2,
      language: 'en',
      subject: [{ code: '17000000', name: 'weather', scheme: 'http://cv.iptc.org/newscodes/mediatopic/' }],
      associations: {
        featuremedia: {
          type: 'picture',
          description_text: 'Waves on the sea wall.',
          byline: 'Ann Lee',
          renditions: { original: { href: 'https://img.example.com/1.jpg', mimetype: 'image/jpeg' } },
        },
      },
    });
    expect(item).toMatchObject({
      format: 'ninjs',
      wire: { guid: 'urn:newsml:example.com:20250101:abc', version: '3', slug: 'WEATHER-STORM' },
      headline: 'Storm hits coast',
      summary: ['A storm hit the coast.'],
      byline: 'By Jane Roe',
      dateline: 'HAVANA',
      body: [
        { kind: 'paragraph', text: 'First paragraph.' },
        { kind: 'crosshead', text: 'WHAT NEXT' },
        { kind: 'paragraph', text: 'Second paragraph.' },
      ],
      media: [{ kind: 'picture', caption: 'Waves on the sea wall.', credit: 'Ann Lee', href: 'https://img.example.com/1.jpg', mimeType: 'image/jpeg' }],
      language: 'en',
      urgency: 2,
      pubStatus: 'usable',
      signals: [],
      embargo: '2025-01-01T12:00:00.000Z',
      firstCreated: '2025-01-01T08:00:00.000Z',
      versionCreated: '2025-01-01T10:00:00.000Z',
      subjects: [{ code: '17000000', name: 'weather', scheme: 'http://cv.iptc.org/newscodes/mediatopic/' }],
    });
    expect(item.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads ninjs 2.x lists of headlines, descriptions and bodies', () => {
    const [item] = parse({
      uri: 'http://example.com/2',
      headlines: [
        { role: 'short', value: 'Short' },
        { role: 'main', value: 'Main headline' },
      ],
      descriptions: [{ role: 'summary', value: 'The summary.' }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: 'One.\n\nTwo.' }],
      versioncreated: '2025-01-02T00:00:00Z',
      pubstatus: 'canceled',
      by: 'Staff',
    });
    expect(item).toMatchObject({
      headline: 'Main headline',
      summary: ['The summary.'],
      body: [
        { kind: 'paragraph', text: 'One.' },
        { kind: 'paragraph', text: 'Two.' },
      ],
      byline: 'Staff',
      pubStatus: 'canceled',
      signals: ['kill'],
    });
  });

  it('reads ninjs 3.x camelCase names and association lists, one item per document of a list', () => {
    const items = parse([
      {
        uri: 'urn:a',
        headlines: [{ role: 'main', value: 'A' }],
        versionCreated: '2025-01-03T00:00:00Z',
        firstCreated: '2025-01-02T00:00:00Z',
        pubStatus: 'withheld',
        embargoedUntil: '2025-01-04T00:00:00Z',
        subjects: [{ uri: 'http://cv.iptc.org/newscodes/mediatopic/20000538', name: 'sport' }],
        associations: [{ name: 'photo', type: 'picture', uri: 'https://img.example.com/2.jpg', descriptions: [{ role: 'caption', value: 'A caption' }] }],
      },
      { uri: 'urn:b', type: 'event', title: 'Press conference' },
    ]);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      pubStatus: 'withheld',
      embargo: '2025-01-04T00:00:00.000Z',
      firstCreated: '2025-01-02T00:00:00.000Z',
      subjects: [{ code: 'http://cv.iptc.org/newscodes/mediatopic/20000538', name: 'sport' }],
      media: [{ kind: 'picture', caption: 'A caption', href: 'https://img.example.com/2.jpg' }],
    });
    expect(items[1].headline).toBe('Press conference');
  });

  it('makes a picture document a media item with its caption, and unwraps an { item: [...] } envelope', () => {
    const [item] = parse({ total: 1, item: [{ uri: 'p1', type: 'picture', headline: 'Museum', description_text: 'The hall.', body_text: 'alt text' }] });
    expect(item).toMatchObject({ headline: 'Museum', body: [], summary: [], media: [{ kind: 'picture', caption: 'The hall.' }] });
  });

  it('throws MALFORMED_INPUT for broken JSON or a payload without documents', () => {
    expect(() => parseNinjs('{"headline": ', ctx)).toThrow(WireFormatError);
    expect(() => parseNinjs('[1, 2]', ctx)).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT' }));
  });

  it('sniffs ninjs keys only', () => {
    expect(looksLikeNinjs('{"versionCreated": "x"}')).toBe(true);
    expect(looksLikeNinjs('{"colour": "blue"}')).toBe(false);
  });
});

describe('parseNinjs without content', () => {
  it('leaves out documents with neither text nor media', () => {
    expect(parseNinjs(JSON.stringify([{ uri: 'urn:empty' }, { uri: 'urn:full', headline: 'Kept' }]), ctx).map((item) => item.wire.guid)).toEqual(['urn:full']);
  });
});
