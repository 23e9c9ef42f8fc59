import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StoryVersionMessage } from '@copydesk/contracts';
import { toNinjs } from './ninjs.mapper';

const NINJS_DIR = path.resolve(__dirname, '../../../../../shared/contracts/ninjs/schema');
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(JSON.parse(readFileSync(path.join(NINJS_DIR, 'GeoJSON-schema.json'), 'utf8')));
const validate = ajv.compile(JSON.parse(readFileSync(path.join(NINJS_DIR, 'ninjs-schema_3.1.json'), 'utf8')));

const storyId = '3f2b1c9e-0000-4000-8000-000000000001';
const version = (over: Partial<StoryVersionMessage> = {}, item: Partial<StoryVersionMessage['item']> = {}): StoryVersionMessage => ({
  storyId,
  version: 1,
  kind: 'created',
  current: true,
  sourceId: '1a2b3c4d-0000-4000-8000-000000000003',
  submissionId: '7d0c4f7e-0000-4000-8000-000000000002',
  itemId: '7d0c4f7e-0000-4000-8000-000000000002:0',
  storyCreatedAt: '2025-03-21T10:00:01.000Z',
  decidedAt: '2025-03-21T10:00:01.000Z',
  updatedAt: '2024-09-06T00:00:00.000Z',
  updatedPrecision: 'day',
  match: { basis: 'none', reason: 'new story' },
  item: {
    format: 'text-page',
    wire: {},
    headline: 'Japan’s Kishida, South Korea’s Yoon call to sustain momentum in improved ties',
    summary: ['Relations had sunk to their lowest level in decades', 'Kishida emphasized the need to continue efforts'],
    dateline: 'SEOUL',
    byline: 'Reuters',
    body: [
      { kind: 'paragraph', text: 'Japanese Prime Minister Fumio Kishida & South Korean President Yoon met.' },
      { kind: 'crosshead', text: 'LOOMING ELECTION UNCERTAINTY' },
      { kind: 'paragraph', text: 'Yoon has made it a diplomatic priority <sic>.' },
    ],
    media: [{ kind: 'picture', caption: 'Yoon and Kishida in Seoul on May 27, 2024.', credit: 'Reuters' }],
    language: 'en',
    subjects: [{ code: '11000000', scheme: 'medtop', name: 'politics' }, { code: 'POL x', scheme: 'agency codes' }, { name: 'Asia' }],
    pubStatus: 'usable',
    signals: [],
    contentHash: 'a'.repeat(64),
    ...item,
  },
  ...over,
});

describe('toNinjs', () => {
  it('writes a schema-valid ninjs 3.1 document with every field the story has', () => {
    const doc = toNinjs(version(), 'urn:copydesk');
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc).toMatchObject({
      uri: `urn:copydesk:story:${storyId}`,
      version: '1',
      firstCreated: '2025-03-21T10:00:01.000Z',
      versionCreated: '2024-09-06T00:00:00.000Z',
      pubStatus: 'usable',
      language: 'en',
      by: 'Reuters',
      located: 'SEOUL',
      headlines: [{ role: 'main', value: 'Japan’s Kishida, South Korea’s Yoon call to sustain momentum in improved ties' }],
      descriptions: [
        { role: 'summary', contentType: 'text/plain', value: 'Relations had sunk to their lowest level in decades' },
        { role: 'summary', contentType: 'text/plain', value: 'Kishida emphasized the need to continue efforts' },
      ],
      subjects: [{ name: 'politics', uri: 'medtop:11000000' }, { literal: 'agency codes:POL x' }, { name: 'Asia' }],
    });
    expect(doc.bodies).toEqual([
      {
        role: 'main',
        contentType: 'text/plain',
        value:
          'SEOUL: Japanese Prime Minister Fumio Kishida & South Korean President Yoon met.\n\nLOOMING ELECTION UNCERTAINTY\n\nYoon has made it a diplomatic priority <sic>.',
      },
      {
        role: 'main',
        contentType: 'text/html',
        value:
          '<p><span class="dateline">SEOUL:</span> Japanese Prime Minister Fumio Kishida &amp; South Korean President Yoon met.</p><h2>LOOMING ELECTION UNCERTAINTY</h2><p>Yoon has made it a diplomatic priority &lt;sic&gt;.</p>',
      },
    ]);
    expect(doc.associations).toEqual([
      {
        name: 'picture1',
        uri: `urn:copydesk:story:${storyId}:media:1`,
        rel: 'illustration',
        type: 'picture',
        by: 'Reuters',
        descriptions: [
          { role: 'caption', contentType: 'text/plain', value: 'Yoon and Kishida in Seoul on May 27, 2024.' },
          { role: 'creditline', contentType: 'text/plain', value: 'Reuters' },
        ],
      },
    ]);
  });

  it('keeps the uri across versions and numbers the version', () => {
    const a = toNinjs(version(), 'urn:copydesk');
    const b = toNinjs(version({ version: 3, kind: 'updated' }), 'urn:copydesk');
    expect(b.uri).toBe(a.uri);
    expect(b.version).toBe('3');
  });

  it('gives media with a file a rendition', () => {
    const doc = toNinjs(
      version({}, { media: [{ kind: 'video', caption: 'Clip.', credit: 'AP', href: 'https://cdn.example/v.mp4', mimeType: 'video/mp4' }] }),
      'urn:copydesk',
    );
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc.associations?.[0].renditions).toEqual([{ name: 'original', href: 'https://cdn.example/v.mp4', contentType: 'video/mp4' }]);
  });

  it('marks a withdrawn story canceled, still schema-valid', () => {
    const doc = toNinjs(version({ version: 2, kind: 'withdrawn' }, { signals: ['kill'], body: [], summary: [], media: [] }), 'urn:copydesk');
    expect(doc.pubStatus).toBe('canceled');
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });
});
