import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rawSubmissionHeaders } from '../raw-submission';
import { StoryVersionMessage } from '../story-version';
import { Topic } from '../topics';
import { storyVersionSchema, TOPIC_CONTRACTS } from './index';

const NINJS_DIR = path.resolve(__dirname, '../../../../../shared/contracts/ninjs/schema');

function ajv(): Ajv2020 {
  const a = new Ajv2020({ allErrors: true, strict: false });
  addFormats(a);
  a.addSchema(JSON.parse(readFileSync(path.join(NINJS_DIR, 'GeoJSON-schema.json'), 'utf8')));
  a.addSchema(JSON.parse(readFileSync(path.join(NINJS_DIR, 'ninjs-schema_3.1.json'), 'utf8')));
  return a;
}

const storyId = '3f2b1c9e-0000-4000-8000-000000000001';
const submissionId = '7d0c4f7e-0000-4000-8000-000000000002';
const sourceId = '1a2b3c4d-0000-4000-8000-000000000003';

const version: StoryVersionMessage = {
  storyId,
  version: 2,
  kind: 'updated',
  current: true,
  sourceId,
  submissionId,
  itemId: `${submissionId}:1`,
  storyCreatedAt: '2025-03-21T09:50:00.000Z',
  decidedAt: '2025-03-21T10:00:01.000Z',
  updatedAt: '2025-03-21T09:59:56.000Z',
  updatedPrecision: 'second',
  match: { basis: 'near-duplicate', score: 0.91, comparedVersion: 1, reason: 'body shingles overlap' },
  item: {
    format: 'text-page',
    wire: {},
    headline: 'Trump says US will sign Ukraine minerals deal soon',
    summary: ['One bullet'],
    dateline: 'WASHINGTON',
    body: [{ kind: 'paragraph', text: 'Text.' }],
    media: [{ kind: 'picture', caption: 'A caption.', credit: 'Reuters' }],
    subjects: [],
    pubStatus: 'usable',
    signals: ['update'],
    sourceUpdated: { at: '2025-03-21T09:59:56.000Z', precision: 'second' },
    contentHash: 'a'.repeat(64),
  },
};

describe('the topic schemas', () => {
  it('all compile as JSON Schema 2020-12 (the published payload by reference to IPTC ninjs 3.1)', () => {
    const a = ajv();
    for (const contract of Object.values(TOPIC_CONTRACTS)) {
      expect(() => a.compile(contract.payload)).not.toThrow();
      expect(() => a.compile(contract.headers)).not.toThrow();
    }
  });

  it('accept a story version and reject one without its story id', () => {
    const validate = ajv().compile(storyVersionSchema);
    expect(validate(version) ? [] : validate.errors).toEqual([]);
    const { storyId: _omit, ...withoutId } = version;
    expect(validate(withoutId)).toBe(false);
  });

  it('accept the headers ingest writes on a raw submission', () => {
    const validate = ajv().compile(TOPIC_CONTRACTS[Topic.WireRaw].headers);
    const headers = rawSubmissionHeaders({
      submissionId,
      sourceId,
      receivedAt: '2025-03-21T10:00:00.000Z',
      capturedAt: '2025-03-21T10:00:00.000Z',
      contentType: 'text/plain; charset=utf-8',
      charset: 'utf-8',
      size: 12,
      sha256: 'b'.repeat(64),
    });
    expect(validate(headers) ? [] : validate.errors).toEqual([]);
  });

  it('hold the published payload to IPTC ninjs 3.1: unknown top-level properties fail', () => {
    const validate = ajv().compile(TOPIC_CONTRACTS[Topic.StoryPublished].payload);
    expect(validate({ uri: `urn:copydesk:story:${storyId}`, headlines: [{ role: 'main', value: 'x' }] })).toBe(true);
    expect(validate({ uri: `urn:copydesk:story:${storyId}`, dateline: 'SEOUL' })).toBe(false);
  });
});
