import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CanonicalItem, MediaItem, StoryVersionMessage, Subject } from '@copydesk/contracts';
import { isWireFormatError, parseWire } from '@copydesk/wire-formats';
import { NinjsDocument, toNinjs } from './ninjs.mapper';

/**
 * The last step of the fuzzed pipeline, parse → canonical item → ninjs: every item parsed from the
 * real corpus files, and generated items with hostile text, media links and subject codes, map to
 * a schema-valid ninjs 3.1 document without throwing, and no link in it could run script.
 */
const SHARED = path.resolve(__dirname, '../../../../../shared');
const NINJS_DIR = path.join(SHARED, 'contracts/ninjs/schema');
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(JSON.parse(readFileSync(path.join(NINJS_DIR, 'GeoJSON-schema.json'), 'utf8')));
const validate = ajv.compile(JSON.parse(readFileSync(path.join(NINJS_DIR, 'ninjs-schema_3.1.json'), 'utf8')));

const message = (item: CanonicalItem, version = 1): StoryVersionMessage => ({
  storyId: '3f2b1c9e-0000-4000-8000-000000000001',
  version,
  kind: 'created',
  current: true,
  sourceId: '1a2b3c4d-0000-4000-8000-000000000003',
  submissionId: '7d0c4f7e-0000-4000-8000-000000000002',
  itemId: '7d0c4f7e-0000-4000-8000-000000000002:0',
  storyCreatedAt: '2025-03-21T10:00:01.000Z',
  decidedAt: '2025-03-21T10:00:01.000Z',
  updatedAt: '2025-03-21T10:00:01.000Z',
  updatedPrecision: 'second',
  match: { basis: 'none', reason: 'new story' },
  item,
});

/** Schema errors of the document, and links in it that are not plain http(s) or a harmless scheme. */
function problems(doc: NinjsDocument): unknown[] {
  const found: unknown[] = validate(doc) ? [] : [...(validate.errors ?? [])];
  for (const a of doc.associations ?? []) {
    for (const r of a.renditions ?? []) if (r.href !== undefined && !/^https?:\/\//.test(r.href)) found.push({ href: r.href });
  }
  for (const s of doc.subjects ?? []) if (s.uri !== undefined && /^\s*(javascript|vbscript|data|blob|file):/i.test(s.uri)) found.push({ uri: s.uri });
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(xml|json|txt|tst)$/.test(name) ? [full] : [];
  });
}

describe('ninjs mapping of fuzzed items', () => {
  it('maps every item parsed from the corpus to a valid document', () => {
    const files = [
      ...filesUnder(path.join(SHARED, 'corpus/superdesk')),
      ...filesUnder(path.join(SHARED, 'corpus/newsml-g2')),
      ...filesUnder(path.join(SHARED, 'corpus/seed')),
    ];
    let items = 0;
    for (const file of files) {
      const contentType = file.includes('/iptc7901/') ? 'text/plain; charset=iso-8859-1' : undefined;
      try {
        for (const item of parseWire({ body: readFileSync(file), contentType, capturedAt: new Date('2025-01-01T00:00:00Z') }).items) {
          expect({ file, problems: problems(toNinjs(message(item), 'urn:copydesk')) }).toEqual({ file, problems: [] });
          items++;
        }
      } catch (error) {
        if (!isWireFormatError(error)) throw error;
      }
    }
    expect(items).toBeGreaterThan(100);
  });

  const text = fc.oneof(
    fc.string({
      unit: fc.constantFrom('a', ' ', '<', '>', '&', '"', "'", '\u2028', '\ud800', '\u0001', '\u00e9', '</p>', '<script>'),
      minLength: 1,
      maxLength: 30,
    }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  );
  const href = fc.oneof(
    fc.constantFrom(
      'https://img.example.com/a.jpg',
      'http://x/y',
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'java\tscript:x',
      'data:image/png;base64,AAAA',
      'vbscript:x',
      'file:///etc/passwd',
      '//x/y',
      'ftp://x/y',
      'mailto:a@b',
    ),
    fc.webUrl(),
    text,
  );
  const media: fc.Arbitrary<MediaItem> = fc.record(
    {
      kind: fc.constantFrom('picture', 'video', 'audio', 'graphic'),
      caption: text,
      credit: text,
      href,
      mimeType: fc.constantFrom('image/jpeg', 'video/mp4', 'text/html'),
    },
    { requiredKeys: ['kind'] },
  );
  const subject: fc.Arbitrary<Subject> = fc.record(
    {
      code: text,
      name: text,
      scheme: fc.oneof(fc.constantFrom('medtop', 'subj', 'http://cv.iptc.org/newscodes/subjectcode/', 'javascript', 'Data', 'file', 'x y', 'https://'), text),
    },
    { requiredKeys: [] },
  );
  const item: fc.Arbitrary<CanonicalItem> = fc.record({
    format: fc.constantFrom('ninjs', 'rss', 'nitf'),
    wire: fc.record({ guid: text, slug: text }, { requiredKeys: [] }),
    headline: text,
    summary: fc.array(text, { maxLength: 3 }),
    byline: fc.option(text, { nil: undefined }),
    dateline: fc.option(text, { nil: undefined }),
    body: fc.array(fc.record({ kind: fc.constantFrom('paragraph', 'crosshead'), text }), { maxLength: 4 }),
    media: fc.array(media, { maxLength: 3 }),
    subjects: fc.array(subject, { maxLength: 3 }),
    urgency: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    pubStatus: fc.constantFrom('usable', 'withheld', 'canceled'),
    signals: fc.constant([]),
    contentHash: fc.constant('a'.repeat(64)),
  }) as fc.Arbitrary<CanonicalItem>;

  it('maps generated items with hostile text, links and codes to valid documents with no active link', () => {
    fc.assert(
      fc.property(item, (i) => {
        const doc = toNinjs(message(JSON.parse(JSON.stringify(i)) as CanonicalItem), 'urn:copydesk');
        expect(problems(doc)).toEqual([]);
      }),
      { numRuns: 2_000, seed: 20250101 },
    );
  });
});
