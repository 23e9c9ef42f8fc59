import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StoryVersionMessage } from '@copydesk/contracts';
import { parseWire } from '@copydesk/wire-formats';
import { storyVersionFixture } from '../testing/story-version.fixture';
import { toNinjs } from './ninjs.mapper';

const SHARED = path.resolve(__dirname, '../../../../../shared');
const NINJS_DIR = path.join(SHARED, 'contracts/ninjs/schema');
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(JSON.parse(readFileSync(path.join(NINJS_DIR, 'GeoJSON-schema.json'), 'utf8')));
const validate = ajv.compile(JSON.parse(readFileSync(path.join(NINJS_DIR, 'ninjs-schema_3.1.json'), 'utf8')));

const version = (item: StoryVersionMessage['item']): StoryVersionMessage => storyVersionFixture({ item });

/** The first item of a file of the shared Superdesk corpus, read in place. */
const corpusItem = (file: string, contentType: string) =>
  parseWire({ body: readFileSync(path.join(SHARED, 'corpus/superdesk', file)), contentType, capturedAt: new Date('2026-01-01T00:00:00Z') }).items[0];

describe('toNinjs: editorial metadata', () => {
  const base = corpusItem('nitf/nitf-fishing.xml', 'application/xml');

  it('writes slugline, edNote, usageTerms, expires, people with their roles, places, genres and keywords as subjects', () => {
    const doc = toNinjs(
      version({
        ...base,
        wire: { ...base.wire, slug: 'TIDES' },
        usageTerms: 'NO ARCHIVAL USE',
        authors: [
          { name: 'Ann Lee', role: 'writer', uri: 'http://example.com/staff/ann' },
          { name: 'Bo Ek', role: 'photographer', uri: 'dpa-ad:ek.bo' },
        ],
        genres: [{ code: 'interview', scheme: 'genre', name: 'Interview' }],
        places: [...(base.places ?? []), { code: 'KEN', scheme: 'N2', name: 'Kenya' }],
      }),
      'urn:copydesk',
    );
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc).toMatchObject({
      slugline: 'TIDES',
      edNote: 'Today begins an expanded format of this popular column.',
      usageTerms: 'NO ARCHIVAL USE',
      expires: '2012-02-26T14:30:00.000Z',
      people: [
        { name: 'Ann Lee', rel: 'writer', uri: 'http://example.com/staff/ann' },
        { name: 'Bo Ek', rel: 'photographer', literal: 'dpa-ad:ek.bo' },
      ],
      places: [{ name: 'Norfolk' }, { name: 'Kenya', literal: 'N2:KEN' }],
      genres: [{ name: 'Interview', literal: 'genre:interview' }],
    });
    expect(doc.subjects?.filter((subject) => subject.rel === 'keyword').map((subject) => subject.name)).toEqual(['fishing', 'lures', 'tides']);
  });

  it("writes a picture's renditions with size and point of interest, and its alt text as a description", () => {
    const story = corpusItem('ninjs/ninjs5.json', 'application/json');
    const doc = toNinjs(version(story), 'urn:copydesk');
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    const picture = doc.associations?.[0];
    expect(picture?.descriptions).toContainEqual({ role: 'alt', contentType: 'text/plain', value: 'Oil markets something' });
    expect(picture?.renditions?.map((rendition) => rendition.name)).toEqual(['original', 'baseImage']);
    expect(picture?.renditions?.[1]).toMatchObject({ contentType: 'image/jpeg', width: 1400, height: 921, poi: { x: 854, y: 478 } });
  });

  it('writes every NewsML-G2 rendition of a picture, and a rendition link that is no http(s) URL not at all', () => {
    const picture = corpusItem('newsml-g2/picture.xml', 'application/xml');
    const media = picture.media.map((m) => ({ ...m, renditions: [...(m.renditions ?? []), { name: 'local', href: 'javascript:alert(1)' }] }));
    const doc = toNinjs(version({ ...picture, media }), 'urn:copydesk');
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    const renditions = doc.associations?.[0].renditions ?? [];
    expect(renditions.map((rendition) => rendition.name)).toEqual(['baseImage', 'thumbnail', 'viewImage', 'local']);
    expect(renditions[0]).toMatchObject({ width: 3500, height: 2284, sizeInBytes: 772617 });
    expect(renditions[3]).toEqual({ name: 'local' });
  });

  it('leaves the fields out of a story that has none of them, as before', () => {
    const doc = toNinjs(version(corpusItem('nitf/handle_invalid_fields.xml', 'application/xml')), 'urn:copydesk');
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    for (const key of ['edNote', 'usageTerms', 'expires', 'people', 'places', 'genres'] as const) expect(doc[key]).toBeUndefined();
    expect(doc.subjects?.some((subject) => subject.rel === 'keyword') ?? false).toBe(false);
  });
});
