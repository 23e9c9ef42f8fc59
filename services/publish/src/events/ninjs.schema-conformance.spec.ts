import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CanonicalItem, NinjsDocumentSchema, StoryVersionMessage, toJsonSchema } from '@copydesk/contracts';
import { parseWire } from '@copydesk/wire-formats';
import { contentTypeFor } from '@copydesk/wire-formats/testing';
import { toNinjs } from './ninjs.mapper';

// Both read in place: the shared corpus and IPTC's schemas are never copied into the repository.
const SHARED = path.resolve(__dirname, '../../../../../shared');
const CORPUS = path.join(SHARED, 'corpus/superdesk');
const IPTC = path.join(SHARED, 'contracts/ninjs/schema');

/** Corpus files of every family publish sees: text, pictures with captions and renditions, embargoes, subjects. */
const FILES = [
  'nitf/aap.xml',
  'nitf/ap-nitf.xml',
  'newsml-g2/picture.xml',
  'newsml-g2/stt_newsml_location_rich.xml',
  'ninjs/ninjs_embargoed.json',
  'ninjs/bbc-ninjs-comp-test.json',
  'ap/ap_media_picture.json',
  'anpa/anpa-1.tst',
  'iptc7901/dpa_copyright.txt',
  'email/simple_email.txt',
];

function validators(): { ours: ValidateFunction; iptc: ValidateFunction } {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(path.join(IPTC, 'GeoJSON-schema.json'), 'utf8')));
  return {
    iptc: ajv.compile(JSON.parse(readFileSync(path.join(IPTC, 'ninjs-schema_3.1.json'), 'utf8'))),
    ours: ajv.compile(toJsonSchema(NinjsDocumentSchema)),
  };
}

function versionOf(item: CanonicalItem, version: number, kind: StoryVersionMessage['kind']): StoryVersionMessage {
  return {
    storyId: '3f2b1c9e-0000-4000-8000-000000000001',
    version,
    kind,
    current: true,
    sourceId: '1a2b3c4d-0000-4000-8000-000000000003',
    submissionId: '7d0c4f7e-0000-4000-8000-000000000002',
    itemId: '7d0c4f7e-0000-4000-8000-000000000002:0',
    storyCreatedAt: '2025-01-01T00:00:01.000Z',
    decidedAt: '2025-01-01T00:00:01.000Z',
    updatedAt: '2025-01-01T00:00:01.000Z',
    updatedPrecision: 'second',
    match: { basis: 'none', reason: 'new story' },
    item,
  };
}

const errorsOf = (validate: ValidateFunction, doc: unknown): unknown[] => (validate(doc) ? [] : (validate.errors ?? []));

describe('the ninjs documents the mapper writes, against our schema and IPTC’s', () => {
  const { ours, iptc } = validators();
  const documents = FILES.flatMap((file) => {
    const { items } = parseWire({
      body: readFileSync(path.join(CORPUS, file)),
      contentType: contentTypeFor(file),
      capturedAt: new Date('2025-01-01T00:00:00Z'),
    });
    return items.flatMap((item, i) => [
      { where: `${file}#${i}`, doc: toNinjs(versionOf(item, 1, 'created'), 'urn:copydesk') },
      { where: `${file}#${i} withdrawn`, doc: toNinjs(versionOf(item, 2, 'withdrawn'), 'urn:copydesk') },
    ]);
  });

  it('covers the properties our schema describes', () => {
    const seen = new Set(documents.flatMap(({ doc }) => Object.keys(doc)));
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'associations',
        'bodies',
        'by',
        'descriptions',
        'embargoedUntil',
        'headlines',
        'language',
        'located',
        'pubStatus',
        'subjects',
        'uri',
      ]),
    );
    const described = Object.keys(NinjsDocumentSchema.properties);
    expect([...seen].filter((k) => !described.includes(k))).toEqual([]);
  });

  it('each one is valid against both', () => {
    expect(documents.length).toBeGreaterThanOrEqual(FILES.length * 2);
    for (const { where, doc } of documents) {
      expect([where, errorsOf(ours, doc)]).toEqual([where, []]);
      expect([where, errorsOf(iptc, doc)]).toEqual([where, []]);
    }
  });

  it('our schema still rejects what the mapper never writes', () => {
    const [{ doc }] = documents;
    for (const bad of [
      { ...doc, uri: undefined },
      { ...doc, pubStatus: 'done' },
      { ...doc, headlines: [] },
      { ...doc, versionCreated: 'yesterday' },
      { ...doc, urgency: 0 },
    ]) {
      expect(ours(JSON.parse(JSON.stringify(bad)))).toBe(false);
    }
    // A property added later does not break a consumer that validates by it.
    expect(errorsOf(ours, { ...doc, contentCreated: '2025-01-01T00:00:00Z' })).toEqual([]);
  });
});
