import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { WireFormat } from '@copydesk/contracts';
import fc from 'fast-check';
import { contentTypeFor, readCorpusFile, readManifest } from '../../conformance/corpus-files';
import { isWireFormatError } from '../../src/errors/wire-format.error';
import { parseWire } from '../../src/parse';
import { FORMATS, Format, NORMAL, Story } from '../format-documents';
import { CORPUS_DIR, SEED_PAGE_PATH } from '../seed-corpus';

/** One input of the fuzz suite, with how it was made, to report and reproduce it. */
export interface FuzzInput {
  body: Buffer;
  contentType?: string;
  label: string;
}

/** A real or generated document that mutations start from. */
export interface Seed {
  name: string;
  body: Buffer;
  contentType: string;
}

const CAPTURED_AT = new Date('2025-01-01T00:00:00Z');

/**
 * The real files, read in place: the Superdesk corpus (with the content types a newsroom system
 * would send), the seed text page and the NewsML-G2 samples, grouped by the format they parse as.
 * Files no parser reads are left out.
 */
export function corpusSeeds(): Map<WireFormat, Seed[]> {
  const files: Seed[] = [...new Set(readManifest().map((entry) => entry.file))].map((file) => ({
    name: `superdesk/${file}`,
    body: readCorpusFile(file),
    contentType: contentTypeFor(file),
  }));
  files.push({ name: 'seed page', body: readFileSync(SEED_PAGE_PATH), contentType: 'text/plain' });
  for (const file of xmlFilesUnder(path.join(CORPUS_DIR, 'newsml-g2'))) {
    files.push({ name: path.relative(CORPUS_DIR, file), body: readFileSync(file), contentType: 'application/xml' });
  }
  const byFormat = new Map<WireFormat, Seed[]>();
  for (const seed of files) {
    const format = formatOf(seed);
    if (format) byFormat.set(format, [...(byFormat.get(format) ?? []), seed]);
  }
  return byFormat;
}

function xmlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return xmlFilesUnder(full);
    return name.endsWith('.xml') ? [full] : [];
  });
}

function formatOf(seed: Seed): WireFormat | undefined {
  try {
    return parseWire({ body: seed.body, contentType: seed.contentType, capturedAt: CAPTURED_AT }).format;
  } catch (error) {
    if (isWireFormatError(error)) return undefined;
    throw error;
  }
}

/** The generated document of each format, by the format it parses as. */
export function documentFormats(): Map<WireFormat, Format> {
  return new Map(Object.values(FORMATS).map((format) => [format.format, format]));
}

// Characters the parsers and patterns look at, and characters no copy should hold.
const CHARS = [
  'a',
  'Z',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  ':',
  '-',
  '\u2013',
  '\u2014',
  '.',
  ',',
  ';',
  '7',
  '"',
  "'",
  '\u2019',
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#x1F600;',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '\\',
  '/',
  '=',
  '^',
  '_',
  '*',
  '|',
  '#',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\u0001',
  '\u0002',
  '\u0003',
  '\u0016',
  '\u001f',
  '\u00e9',
  'e\u0301',
  '\u4e2d',
  '\ud83d\ude00',
  '\ud800',
  '\udc00',
  '\u202e',
  '\u2028',
  'SEOUL',
  'By ',
  'Updated 4 sec ago',
  'UPDATE 2-',
  '(CORRECTED)',
  'javascript:alert(1)',
  'data:text/html,x',
  'http://x/a.jpg',
  '<p>',
  '</p>',
  '<br/>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?xml',
  '"uri":',
  'BC-',
];

/** A run of one character (or fragment) long enough to find quadratic work, but well under the time limit. */
const hugeRun = fc
  .record({ unit: fc.constantFrom(...CHARS), length: fc.noBias(fc.integer({ min: 1_000, max: 100_000 })) })
  .map(({ unit, length }) => unit.repeat(Math.ceil(length / unit.length)));

const text = fc.oneof(
  { arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 40 }), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: hugeRun, weight: 1 },
);

/** Times as wires print them, and times no calendar has: out of range, overflowing, half-written. */
const DATES = [
  '2025-01-01T10:00:00Z',
  '2025-01-01T10:00:00+0000',
  '20250101T100000Z',
  '20250101T100000+0100',
  'Mon, 29 Jul 2013 16:03:54 +0000',
  '2024-05-01T11:00:00',
  '0000-00-00T00:00:00Z',
  '9999-12-31T23:59:60Z',
  '2025-02-30T10:00:00Z',
  '2025-13-01',
  '275760-09-13T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-19T00:00:00Z',
  '2025-01-01T24:00:00Z',
  '2025-01-01T10:00:00+99:99',
  '2025-01-01T10:00:00.1234567891234Z',
  'Mon, 99 Foo 2013 99:99:99 +9999',
  'Thu, 01 Jan 1970 00:00:00 GMT',
  '1e20',
  'NaN',
  '-1',
  '',
  ' ',
  'Updated 99999 hr 99999 min ago',
  'Updated 31 February 2024',
  'Updated 0 sec ago',
  '999999 GMT Foo 99',
  'AP-WF-99-99-99 9999GMT',
];
const date = fc.oneof(
  { arbitrary: fc.constantFrom(...DATES), weight: 4 },
  { arbitrary: fc.string({ unit: fc.constantFrom('0', '1', '9', '-', ':', 'T', 'Z', '+', '.', ' '), maxLength: 30 }), weight: 1 },
);

/** A story whose parts are each ordinary, random, or one huge run. */
const story: fc.Arbitrary<Story> = fc.record({
  date: fc.option(date, { nil: undefined }),
  headline: fc.oneof({ arbitrary: fc.constant(NORMAL.headline), weight: 2 }, { arbitrary: text, weight: 3 }),
  dateline: fc.oneof({ arbitrary: fc.constant(NORMAL.dateline), weight: 2 }, { arbitrary: text, weight: 3 }),
  byline: fc.oneof({ arbitrary: fc.constant(NORMAL.byline), weight: 2 }, { arbitrary: text, weight: 3 }),
  slug: fc.oneof({ arbitrary: fc.constant(NORMAL.slug), weight: 2 }, { arbitrary: text, weight: 3 }),
  body: fc.oneof({ arbitrary: fc.constant(NORMAL.body), weight: 2 }, { arbitrary: text, weight: 3 }),
  tail: fc.oneof(fc.constant(''), text),
});

type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'duplicate-element'; at: number; times: number }
  | { op: 'delete-element'; at: number }
  | { op: 'truncate'; at: number }
  | { op: 'run'; at: number; run: string };

/** Where in the document, as a fraction of its length: unbiased, so that mutations land everywhere, not mostly at the start. */
const at = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('insert' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 256 }) }),
  fc.record({ op: fc.constant('duplicate-element' as const), at, times: fc.integer({ min: 1, max: 2_000 }) }),
  fc.record({ op: fc.constant('delete-element' as const), at }),
  fc.record({ op: fc.constant('truncate' as const), at }),
  fc.record({ op: fc.constant('run' as const), at, run: hugeRun }),
);

function describeMutation(m: Mutation): string {
  const where = m.at.toFixed(3);
  switch (m.op) {
    case 'flip':
      return `flip bit ${m.bit} @${where}`;
    case 'insert':
      return `insert ${Buffer.from(m.bytes).toString('hex')} @${where}`;
    case 'delete':
      return `delete ${m.length} @${where}`;
    case 'duplicate':
      return `duplicate ${m.length} @${where}`;
    case 'duplicate-element':
      return `duplicate element x${m.times} @${where}`;
    case 'delete-element':
      return `delete element @${where}`;
    case 'truncate':
      return `truncate @${where}`;
    case 'run':
      return `insert run ${JSON.stringify(m.run.slice(0, 12))}x${m.run.length} @${where}`;
  }
}

/** The element (or bracketed span) that starts at the first `<`, `{` or `[` at or after `from`: [start, end). */
function elementAt(body: Buffer, from: number): [number, number] | undefined {
  for (let i = from; i < body.length; i++) {
    const open = body[i];
    if (open !== 0x3c && open !== 0x7b && open !== 0x5b) continue;
    const close = open === 0x3c ? 0x3e : open === 0x7b ? 0x7d : 0x5d;
    if (open === 0x3c) {
      // <name ...> ... </name>: up to the matching end tag if there is one, else the tag itself.
      const tagEnd = body.indexOf(close, i);
      if (tagEnd < 0) return undefined;
      const name = /^<([A-Za-z][\w:.-]*)/.exec(body.subarray(i, Math.min(body.length, i + 64)).toString('latin1'))?.[1];
      const endTag = name ? body.indexOf(`</${name}>`, tagEnd, 'latin1') : -1;
      return [i, endTag < 0 ? tagEnd + 1 : endTag + name!.length + 3];
    }
    let depth = 0;
    for (let j = i; j < body.length; j++) {
      if (body[j] === open) depth++;
      else if (body[j] === close && --depth === 0) return [i, j + 1];
    }
    return undefined;
  }
  return undefined;
}

export function mutate(body: Buffer, m: Mutation): Buffer {
  const pos = Math.floor(m.at * body.length);
  switch (m.op) {
    case 'flip': {
      if (body.length === 0) return body;
      const out = Buffer.from(body);
      const i = Math.min(pos, body.length - 1);
      out[i] ^= 1 << m.bit;
      return out;
    }
    case 'insert':
      return Buffer.concat([body.subarray(0, pos), Buffer.from(m.bytes), body.subarray(pos)]);
    case 'delete':
      return Buffer.concat([body.subarray(0, pos), body.subarray(pos + m.length)]);
    case 'duplicate':
      return Buffer.concat([body.subarray(0, pos + m.length), body.subarray(pos, pos + m.length), body.subarray(pos + m.length)]);
    case 'duplicate-element': {
      const span = elementAt(body, pos);
      if (!span) return body;
      const element = body.subarray(...span);
      return Buffer.concat([
        body.subarray(0, span[1]),
        ...Array.from({ length: Math.min(m.times, Math.ceil(300_000 / element.length)) }, () => element),
        body.subarray(span[1]),
      ]);
    }
    case 'delete-element': {
      const span = elementAt(body, pos);
      return span ? Buffer.concat([body.subarray(0, span[0]), body.subarray(span[1])]) : body;
    }
    case 'truncate':
      return body.subarray(0, pos);
    case 'run':
      return Buffer.concat([body.subarray(0, pos), Buffer.from(m.run), body.subarray(pos)]);
  }
}

/** Keys of every object in the JSON seeds: the names the JSON parsers look for. */
function jsonKeys(docs: readonly unknown[]): string[] {
  const keys = new Set<string>();
  const walk = (value: unknown, depth: number): void => {
    if (depth > 20 || typeof value !== 'object' || value === null) return;
    if (!Array.isArray(value)) Object.keys(value).forEach((k) => keys.add(k));
    Object.values(value).forEach((v) => walk(v, depth + 1));
  };
  docs.forEach((doc) => walk(doc, 0));
  return [...keys].sort();
}

/** Every object and array in a JSON document, in document order. */
function containers(doc: unknown): (Record<string, unknown> | unknown[])[] {
  const out: (Record<string, unknown> | unknown[])[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 20 || typeof value !== 'object' || value === null) return;
    out.push(value as Record<string, unknown> | unknown[]);
    Object.values(value).forEach((v) => walk(v, depth + 1));
  };
  walk(doc, 0);
  return out;
}

/** A JSON value, or (as its text) nesting deeper than any document needs. */
const jsonReplacement = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ value })), weight: 4 },
  { arbitrary: fc.oneof(date, text).map((value) => ({ value })), weight: 4 },
  { arbitrary: fc.constantFrom(-1, 0, 1e20, 1.5, 10, true, null, [], {}).map((value) => ({ value })), weight: 2 },
  { arbitrary: fc.noBias(fc.integer({ min: 100, max: 100_000 })).map((depth) => ({ raw: `${'['.repeat(depth)}${']'.repeat(depth)}` })), weight: 1 },
);

/**
 * Structural edits of a JSON document: a value anywhere replaced by another of any type, or a key
 * the parsers know added to any object. The document is read, edited and written again.
 */
function reshaped(docs: readonly { name: string; body: Buffer }[]): fc.Arbitrary<{ name: string; body: Buffer; edits: string[] }> {
  const parsed = docs.flatMap((d) => {
    try {
      return [{ name: d.name, json: JSON.parse(d.body.toString('utf8')) as unknown }];
    } catch {
      return [];
    }
  });
  const keys = jsonKeys(parsed.map((p) => p.json));
  const edit = fc.record({ at, key: fc.option(fc.constantFrom(...keys), { nil: undefined }), replacement: jsonReplacement });
  return fc.record({ doc: fc.constantFrom(...parsed), edits: fc.array(edit, { minLength: 1, maxLength: 4 }) }).map(({ doc, edits }) => {
    const json = structuredClone(doc.json);
    const raws: string[] = [];
    const described = edits.map(({ at: where, key, replacement }) => {
      const all = containers(json);
      const target = all[Math.min(all.length - 1, Math.floor(where * all.length))];
      // A copy: generated values may be shared between samples, and an edit may later reach into it.
      const value = 'raw' in replacement ? `\u0000raw${raws.push(replacement.raw) - 1}\u0000` : structuredClone(replacement.value);
      if (target === undefined) return 'nothing to edit';
      if (Array.isArray(target)) target[Math.floor(where * target.length)] = value;
      else target[key ?? Object.keys(target)[Math.floor(where * Object.keys(target).length)] ?? 'x'] = value;
      return `set ${key ?? 'a value'} to ${'raw' in replacement ? `nesting ${replacement.raw.length / 2} deep` : JSON.stringify(replacement.value)?.slice(0, 40)}`;
    });
    const text = JSON.stringify(json).replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)]);
    return { name: doc.name, body: Buffer.from(text), edits: described };
  });
}

const CONTENT_TYPES = [
  undefined,
  'text/plain',
  'text/plain; charset=iso-8859-1',
  'application/xml',
  'application/json',
  'application/octet-stream',
  'text/html',
  'application/nitf+xml; charset=utf-16',
];

/**
 * Inputs for one format: mutated real files (when the corpus has some), fresh generated documents,
 * and mutated generated ones; mostly with the format's own content type, sometimes another.
 */
export function fuzzInputs(format: Format, seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  const contentType = fc.oneof({ arbitrary: fc.constant(format.contentType), weight: 9 }, { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 1 });
  const generated = story.map((s) => ({ name: 'generated', body: Buffer.from(format.document(s)) }));
  const base = seeds.length > 0 ? fc.oneof(fc.constantFrom(...seeds), generated) : generated;
  const mutated = fc
    .record({ base, mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }), contentType })
    .map(({ base: b, mutations, contentType: type }) => ({
      body: mutations.reduce(mutate, b.body),
      ...(type ? { contentType: type } : {}),
      label: `${b.name}: ${mutations.map(describeMutation).join(', ')}`,
    }));
  const fresh = fc
    .record({ doc: generated, contentType })
    .map(({ doc, contentType: type }) => ({ body: doc.body, ...(type ? { contentType: type } : {}), label: 'generated' }));
  if (format.contentType !== 'application/json') return fc.oneof({ arbitrary: mutated, weight: 7 }, { arbitrary: fresh, weight: 3 });
  const jsonDocs = [...seeds, ...fc.sample(generated, { numRuns: 20, seed: 1 })];
  const edited = reshaped(jsonDocs).map(({ name, body, edits }) => ({ body, contentType: format.contentType, label: `${name}: ${edits.join(', ')}` }));
  return fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: edited, weight: 4 }, { arbitrary: fresh, weight: 2 });
}
