import * as fc from 'fast-check';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { isWireFormatError, parseWire, WireFormatError, WireFormatErrorCode } from '../src';
import { contentTypeFor, readCorpusFile, SUPERDESK_CORPUS_DIR } from './corpus-files';

const capturedAt = new Date('2025-01-01T00:00:00Z');
const STABLE_CODES = new Set<string>(Object.values(WireFormatErrorCode));

function parse(body: Buffer | string, contentType?: string) {
  return parseWire({ body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), capturedAt, ...(contentType ? { contentType } : {}) });
}

/** The WireFormatError a parse throws; fails the test if it returns or throws anything else. */
function failure(body: Buffer | string, contentType?: string): WireFormatError {
  try {
    parse(body, contentType);
  } catch (error) {
    if (isWireFormatError(error)) return error;
    throw error;
  }
  throw new Error('expected a WireFormatError, but the body parsed');
}

/** Either items, or a WireFormatError: never another exception. */
function itemsOrWireError(body: Buffer | string, contentType?: string): string[] {
  try {
    return parse(body, contentType).items.map((item) => JSON.stringify(item));
  } catch (error) {
    if (isWireFormatError(error) && STABLE_CODES.has(error.code)) return [];
    throw error;
  }
}

describe('bad input', () => {
  it('refuses an empty body', () => {
    expect(failure('').code).toBe(WireFormatErrorCode.EMPTY_BODY);
    expect(failure(' \n\t ').code).toBe(WireFormatErrorCode.EMPTY_BODY);
  });

  it('refuses binary garbage', () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(failure(garbage).code).toBe(WireFormatErrorCode.UNKNOWN_FORMAT);
    expect(failure(garbage, 'application/octet-stream').code).toBe(WireFormatErrorCode.UNKNOWN_FORMAT);
  });

  it('refuses a 20 MB single line of text', () => {
    const line = Buffer.alloc(20 * 1024 * 1024, 'a');
    const error = failure(line, 'text/plain');
    expect(error.code).toBe(WireFormatErrorCode.MALFORMED_INPUT);
    expect(error.details['reason']).toBe('line-too-long');
  });

  it('refuses unknown formats', () => {
    expect(failure('GIF89a not really', 'image/gif').code).toBe(WireFormatErrorCode.UNKNOWN_FORMAT);
    expect(failure('{"colour": "blue", "size": 3}', 'application/json').code).toBe(WireFormatErrorCode.UNKNOWN_FORMAT);
    expect(failure('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', 'application/xml').code).toBe(WireFormatErrorCode.UNKNOWN_FORMAT);
  });

  it('refuses malformed XML', () => {
    const error = failure('<?xml version="1.0"?><nitf><head><title>Broken</head><body>', 'application/xml');
    expect(STABLE_CODES.has(error.code)).toBe(true);
    expect([WireFormatErrorCode.MALFORMED_INPUT, WireFormatErrorCode.NO_STORIES]).toContain(error.code);
  });

  it('refuses malformed JSON and framed copy without its frame', () => {
    expect(failure('{"headline": "Cut off', 'application/ninjs+json').code).toBe(WireFormatErrorCode.MALFORMED_INPUT);
    expect(failure('\u0016\u0016\u0001W2870\u001fasian\nf l BC-Slug 11-13 100\nno STX here').code).toBe(WireFormatErrorCode.MALFORMED_INPUT);
  });

  it('never resolves external entities', () => {
    const xxe = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE nitf [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>',
      '<nitf><head><title>Entities &secret;</title></head>',
      '<body><body.head><hedline><hl1>Entities &secret;</hl1></hedline></body.head>',
      '<body.content><p>Before &secret; &remote; after.</p></body.content></body></nitf>',
    ].join('\n');
    for (const item of itemsOrWireError(xxe, 'application/xml')) {
      expect(item).not.toContain('root:');
      expect(item).not.toContain('/bin/');
    }
  });

  it('never expands entity bombs', () => {
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY l0 "lol">${levels}]><nitf><head><title>&l10;</title></head><body><body.content><p>&l10;</p></body.content></body></nitf>`;
    const items = itemsOrWireError(bomb, 'application/xml');
    for (const item of items) expect(item.length).toBeLessThan(100_000);
  });

  it('refuses a body larger than the limit', () => {
    try {
      parseWire({ body: Buffer.alloc(2048, 'a'), capturedAt, options: { maxBytes: 1024 } });
      throw new Error('expected TOO_LARGE');
    } catch (error) {
      expect(isWireFormatError(error) && error.code).toBe(WireFormatErrorCode.TOO_LARGE);
    }
  });
});

describe('mutated corpus files', () => {
  const files = readdirSync(SUPERDESK_CORPUS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(path.join(SUPERDESK_CORPUS_DIR, dir.name)).map((name) => `${dir.name}/${name}`));
  const corpus = files.map((file) => ({ file, bytes: readCorpusFile(file) }));
  // Inputs stay within 2x the largest corpus file (31 KB), so every parse is bounded by construction.
  const MAX_INSERT = 256;

  type Mutation =
    | { kind: 'flip'; at: number; mask: number }
    | { kind: 'truncate'; at: number }
    | { kind: 'insert'; at: number; bytes: Uint8Array }
    | { kind: 'duplicate'; at: number; length: number };

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: MAX_INSERT }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat({ max: 4096 }) }),
  );

  function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
    let out = Buffer.from(bytes);
    for (const change of mutations) {
      const at = out.length === 0 ? 0 : change.at % (out.length + 1);
      switch (change.kind) {
        case 'flip':
          if (out.length > 0) out[at % out.length] ^= change.mask;
          break;
        case 'truncate':
          out = out.subarray(0, at);
          break;
        case 'insert':
          out = Buffer.concat([out.subarray(0, at), Buffer.from(change.bytes), out.subarray(at)]);
          break;
        case 'duplicate':
          if (out.length < 2 * 32 * 1024) out = Buffer.concat([out.subarray(0, at + change.length), out.subarray(at)]);
          break;
      }
    }
    return out;
  }

  it('finds the corpus', () => {
    expect(corpus.length).toBeGreaterThan(100);
  });

  it('returns items or a WireFormatError for any mutation', () => {
    fc.assert(
      fc.property(fc.nat({ max: corpus.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (index, mutations, declared) => {
        const { file, bytes } = corpus[index];
        const body = mutate(bytes, mutations);
        itemsOrWireError(body, declared ? contentTypeFor(file) : undefined);
      }),
      { numRuns: 1000, seed: 20251127 },
    );
  });
});

describe('arbitrary input in each framing', () => {
  // Bounded by construction: at most a few thousand characters each.
  const text = fc.string({ unit: 'binary', maxLength: 2000 });
  const controlHeavy = fc
    .array(fc.constantFrom('\u0001', '\u0002', '\u0003', '\u0008', '\u0010', '\u001e', '\u001f', '^', '<', '=', '\t', '\n', ' ', 'a', 'By ', '(dpa) - '), {
      maxLength: 400,
    })
    .map((parts) => parts.join(''));

  it('ANPA and IPTC 7901 frames around arbitrary text give items or a WireFormatError', () => {
    fc.assert(
      fc.property(fc.constantFrom('\u0016\u0016\u0001', '\u0001eca123 3 i 120 ', ''), fc.oneof(text, controlHeavy), (frame, rest) => {
        itemsOrWireError(`${frame}${rest}`, 'text/plain');
      }),
      { numRuns: 500, seed: 7901 },
    );
  });

  it('arbitrary JSON sent as ninjs or AP Media gives items or a WireFormatError', () => {
    const ninjsLike = fc.record(
      {
        uri: fc.string(),
        headline: fc.oneof(fc.string(), fc.integer()),
        headlines: fc.jsonValue({ maxDepth: 2 }),
        bodies: fc.jsonValue({ maxDepth: 2 }),
        body_html: fc.string({ unit: 'binary', maxLength: 500 }),
        associations: fc.jsonValue({ maxDepth: 3 }),
        subject: fc.jsonValue({ maxDepth: 2 }),
        versioncreated: fc.string(),
        urgency: fc.jsonValue({ maxDepth: 1 }),
        data: fc.jsonValue({ maxDepth: 3 }),
        api_version: fc.string(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), ninjsLike), fc.constantFrom('application/json', 'application/ninjs+json'), (value, contentType) => {
        itemsOrWireError(JSON.stringify(value) ?? 'null', contentType);
      }),
      { numRuns: 500, seed: 2025 },
    );
  });
});
