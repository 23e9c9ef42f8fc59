import type { ParseWireResult } from '../src';
import { normaliseText } from '../src/text/normalise-text';
import type { ActualValue, ReadContext } from './actual-value';
import { findOverride } from './entry-overrides';
import { expectedBodyRegex, expectedBodyText, expectedCode, expectedInstant } from './expected-value';
import { isSkip, MANIFEST_FIELD_MAP, renditionRule, SkipRule, SYSTEM_LEVEL_PREFIXES } from './manifest-field-map';
import { ManifestKey, Operator, parseManifestKey } from './manifest-key';
import type { ManifestEntry } from './manifest.types';
import { mediaOrderOf, storyEntry, superdeskView, ViewEntry } from './superdesk-view';

export type Verdict = { status: 'match' | 'miss'; canonical: string; actual: string } | { status: 'skip'; rule: SkipRule } | { status: 'unmapped' };

export interface ParseOutcome {
  result?: ParseWireResult;
  error?: unknown;
}

/** Naive expected times are in the zone Superdesk's parser used for these files (manifest notes). */
function zoneFor(file: string): string {
  if (file.startsWith('newsml-g2/stt')) return 'Europe/Helsinki';
  if (file.startsWith('other/ritzau')) return 'Europe/Copenhagen';
  return 'UTC';
}

/** Judges one manifest expectation against the parse outcome of its file. */
export function evaluateExpectation(entry: ManifestEntry, rawKey: string, expected: unknown, outcome: ParseOutcome): Verdict {
  const key = parseManifestKey(rawKey);
  if (key.operator === 'rule') return { status: 'skip', rule: { skip: 'prose-rule', reason: 'an expectation written in prose' } };
  const override = findOverride(entry.file, entry.parser, rawKey);
  if (override) return { status: 'skip', rule: override };
  if (SYSTEM_LEVEL_PREFIXES.some((prefix) => key.field.startsWith(prefix))) {
    return { status: 'skip', rule: { skip: 'system-level', reason: 'behaviour of an ingest run, not of the file' } };
  }
  const countsEntries = key.field === 'items' && (key.operator === 'len' || key.operator === 'len_min');
  const rule = countsEntries ? undefined : (MANIFEST_FIELD_MAP[key.field] ?? renditionRule(key.field));
  if (!countsEntries && !rule) return { status: 'unmapped' };
  if (rule && isSkip(rule)) return { status: 'skip', rule };
  const parserSkip = rule?.skipFor?.(entry.parser);
  if (parserSkip) return { status: 'skip', rule: parserSkip };

  const { result } = outcome;
  if (!result) return { status: 'miss', canonical: rule?.canonical ?? 'items.length', actual: `error: ${errorText(outcome.error)}` };
  const view = superdeskView(result.items, mediaOrderOf(entry.parser));
  if (countsEntries) {
    const actual: ActualValue = { kind: 'count', value: view.length };
    return verdict(compare(actual, key, expected, entry.file), 'items.length (Superdesk entries)', actual);
  }
  if (!rule || isSkip(rule)) return { status: 'unmapped' };

  const entries = addressedEntries(key, result, view);
  const verdicts = entries.map((viewEntry) => {
    const ctx: ReadContext = { entry: viewEntry, result, indexes: key.indexes, parser: entry.parser, file: entry.file };
    return rule.read(ctx);
  });
  // "*." addresses every entry: those that cannot answer the field (a picture entry asked for a story's time) are left out.
  const actuals = verdicts.filter((read): read is ActualValue => !isSkip(read));
  const skipped = verdicts.find(isSkip);
  if (skipped && (actuals.length === 0 || key.entry.kind !== 'every')) return { status: 'skip', rule: skipped };
  const ok = actuals.length > 0 && actuals.every((actual) => compare(actual, key, expected, entry.file));
  return verdict(ok, rule.canonical, actuals[0]);
}

function addressedEntries(key: ManifestKey, result: ParseWireResult, view: readonly ViewEntry[]): (ViewEntry | undefined)[] {
  switch (key.entry.kind) {
    case 'single':
      return [result.items[0] ? storyEntry(result.items[0]) : undefined];
    case 'index':
      return [view[key.entry.index]];
    case 'every':
      return [...view];
    case 'named': {
      const role = key.entry.role;
      return [view.filter((entry) => (role === 'text' ? entry.type === 'text' : entry.type !== 'text'))[key.entry.index]];
    }
  }
}

function verdict(ok: boolean, canonical: string, actual: ActualValue | undefined): Verdict {
  return { status: ok ? 'match' : 'miss', canonical, actual: describe(actual) };
}

function compare(actual: ActualValue, key: ManifestKey, expected: unknown, file: string): boolean {
  const op = key.operator;
  switch (actual.kind) {
    case 'parsed':
      return expected === true;
    case 'count':
      return op === 'len_min' ? actual.value >= Number(expected) : actual.value === Number(expected);
    case 'number':
      if (op === 'absent' || expected === null) return actual.value === undefined;
      if (op === 'present' || op === 'truthy' || op === 'type') return actual.value !== undefined;
      return actual.value === Number(expected);
    case 'instant': {
      if (op === 'absent' || expected === null) return actual.candidates[0] === undefined;
      if (op === 'present' || op === 'truthy') return actual.candidates[0] !== undefined;
      const want = typeof expected === 'string' ? expectedInstant(expected, zoneFor(file)) : undefined;
      return want !== undefined && actual.candidates.some((candidate) => candidate !== undefined && Date.parse(candidate) === want);
    }
    case 'codes':
      return compareCodes(actual.values, op, expected);
    case 'concepts':
      return compareList(actual.values, op, expected, conceptMatches);
    case 'authors':
      return compareList(actual.values, op, expected, authorMatches);
    case 'record':
      return compareRecord(actual.value, op, expected);
    case 'text':
      return compareText(actual, key, expected);
  }
}

function compareCodes(values: readonly string[], op: Operator, expected: unknown): boolean {
  if (op === 'len') return values.length === Number(expected);
  if (op === 'len_min') return values.length >= Number(expected);
  if (op === 'absent') return values.length === 0;
  if (op === 'present' || op === 'truthy') return values.length > 0;
  const wanted = (Array.isArray(expected) ? expected : [expected]).map(expectedCode);
  if (wanted.some((code) => code === undefined)) return false;
  if (op === 'includes' || !Array.isArray(expected)) return wanted.every((code) => values.includes(code as string));
  return wanted.length === values.length && wanted.every((code, index) => values[index] === code);
}

/** A list compared element by element: `[]` / `__len` by length, `__includes` by inclusion, else in order. */
function compareList<T>(values: readonly T[], op: Operator, expected: unknown, matches: (actual: T, wanted: unknown) => boolean): boolean {
  if (op === 'len') return values.length === Number(expected);
  if (op === 'len_min') return values.length >= Number(expected);
  if (op === 'absent') return values.length === 0;
  if (op === 'present' || op === 'truthy') return values.length > 0;
  if (!Array.isArray(expected)) return values.length > 0 && matches(values[0], expected);
  if (op === 'includes') return expected.every((wanted) => values.some((actual) => matches(actual, wanted)));
  return expected.length === values.length && expected.every((wanted, index) => matches(values[index], wanted));
}

/** An expected place or genre ({ qcode, name } or a bare string) against the canonical one's code or name. */
function conceptMatches(actual: { code?: string; name?: string }, wanted: unknown): boolean {
  const record = typeof wanted === 'object' && wanted !== null ? (wanted as Record<string, unknown>) : { name: wanted };
  const want = record['qcode'] ?? record['code'] ?? record['name'];
  return typeof want === 'string' && want !== '' && (actual.code === want || actual.name === want);
}

/** An expected author ({ name, role } or a bare name): the name, and the role when given. */
function authorMatches(actual: { name: string; role?: string }, wanted: unknown): boolean {
  const record = typeof wanted === 'object' && wanted !== null ? (wanted as Record<string, unknown>) : { name: wanted };
  if (record['name'] !== actual.name) return false;
  return typeof record['role'] !== 'string' || record['role'] === actual.role;
}

function compareRecord(value: Readonly<Record<string, unknown>> | undefined, op: Operator, expected: unknown): boolean {
  const keys = value ? Object.keys(value) : [];
  if (op === 'len') return keys.length === Number(expected);
  if (op === 'absent' || expected === null) return keys.length === 0;
  if (op === 'present' || op === 'truthy') return keys.length > 0;
  if (typeof expected !== 'object' || Array.isArray(expected)) return false;
  const wanted = Object.entries(expected as Record<string, unknown>);
  if (wanted.length === 0) return keys.length === 0;
  return value !== undefined && wanted.every(([key, want]) => value[key] === want);
}

function compareText(actual: Extract<ActualValue, { kind: 'text' }>, key: ManifestKey, expected: unknown): boolean {
  const op = key.operator;
  const candidates = actual.candidates.map((candidate) => (candidate === undefined ? '' : normaliseText(candidate)));
  if (op === 'not_contains') return typeof expected === 'string' && candidates.every((candidate) => !candidate.includes(expected));
  const wanted = typeof expected === 'object' && expected !== null && !Array.isArray(expected) ? expectedCode(expected) : expected;
  const test = textTest(op, key.field, wanted, actual.html === true);
  return test !== undefined && candidates.some(test);
}

function textTest(op: Operator, field: string, expected: unknown, html: boolean): ((candidate: string) => boolean) | undefined {
  if (op === 'absent') return (candidate) => candidate === '';
  if (op === 'present' || op === 'truthy') return (candidate) => candidate !== '';
  if (op === 'type') return (candidate) => (expected === 'int' ? /^\d+$/.test(candidate) : candidate !== '');
  if (expected === null || expected === '') return (candidate) => candidate === '';
  if (typeof expected !== 'string' && typeof expected !== 'number') return undefined;
  const raw = String(expected);
  if (op === 'regex') {
    const pattern = html ? expectedBodyRegex(raw) : new RegExp(raw, 'u');
    return (candidate) => pattern.test(candidate);
  }
  const want = html ? expectedBodyText(raw) : normaliseText(raw);
  if (op === 'contains' || op === 'contains_normalized_ws') return (candidate) => candidate.includes(want);
  if (op === 'startswith' || op === 'lstrip_startswith') return (candidate) => candidate.startsWith(want);
  if (op === 'endswith') return (candidate) => candidate.endsWith(want);
  return equalityTest(field, want);
}

/** Plain equality, except for the fields whose Superdesk form wraps the canonical value. */
function equalityTest(field: string, want: string): (candidate: string) => boolean {
  const lower = want.toLowerCase();
  switch (field) {
    case 'dateline.located.city':
      return (candidate) => candidate !== '' && (candidate.toLowerCase() === lower || candidate.toLowerCase().startsWith(`${lower},`));
    case 'dateline.text':
      return (candidate) => candidate !== '' && lower.startsWith(candidate.toLowerCase());
    case 'anpa_take_key':
      return (candidate) => candidate.toLowerCase() === lower.replace(/\s+/g, '');
    case 'language':
      return (candidate) => candidate.toLowerCase() === lower;
    default:
      return (candidate) => candidate === want;
  }
}

function describe(actual: ActualValue | undefined): string {
  if (!actual) return '(no entry)';
  switch (actual.kind) {
    case 'text':
    case 'instant':
      return JSON.stringify(actual.candidates[0] ?? null).slice(0, 120);
    case 'number':
    case 'count':
      return String(actual.value);
    case 'codes':
    case 'concepts':
    case 'authors':
      return JSON.stringify(actual.values).slice(0, 120);
    case 'record':
      return JSON.stringify(actual.value ?? null).slice(0, 120);
    case 'parsed':
      return 'parsed';
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error);
}
