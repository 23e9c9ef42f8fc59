import { CanonicalItem, CanonicalItemSchema, toJsonSchema, WireFormat } from '@copydesk/contracts';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { isWireFormatError } from '../../src/errors/wire-format.error';
import { WireFormatErrorCode } from '../../src/errors/wire-format-error-code.enum';
import { MAX_WIRE_ID_BYTES } from '../../src/item/canonical-item.factory';
import { parseWire } from '../../src/parse';
import { corpusSeeds, documentFormats, FuzzInput, fuzzInputs } from './fuzz-inputs';

/** A step after parsing (fingerprint, decision, …): it gets every item of one input, and must not throw. */
export type FuzzStage = (items: readonly CanonicalItem[], format: WireFormat) => void;

export interface FuzzFailure {
  index: number;
  label: string;
  error: string;
  ms: number;
  input: FuzzInput;
}

export interface FormatReport {
  format: WireFormat;
  inputs: number;
  parsed: number;
  /** Typed refusals by code. */
  refused: Record<string, number>;
  /** Uncaught or untyped errors, and items that break the contract. */
  crashes: FuzzFailure[];
  /** Inputs over the time limit. */
  hangs: FuzzFailure[];
  slowestMs: number;
  slowestLabel: string;
}

export interface FuzzOptions {
  /** Inputs per format. */
  runs: number;
  seed: number;
  /** An input that takes more CPU time than this is a hang. */
  hangMs: number;
  stages: readonly FuzzStage[];
  formats?: readonly WireFormat[];
}

const CAPTURED_AT = new Date('2025-01-01T00:00:00Z');
const STABLE_CODES: ReadonlySet<string> = new Set(Object.values(WireFormatErrorCode));
const BATCH = 50;

const ajv = new Ajv2020({ allErrors: false, strict: false });
addFormats(ajv);
const validItem = ajv.compile(toJsonSchema(CanonicalItemSchema));

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every string in a JSON value. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) yield* strings(v);
}

/**
 * What the next stages rely on: the contract's schema; nothing PostgreSQL refuses to store (a NUL,
 * or in jsonb a lone surrogate); wire ids short enough to index.
 */
export function checkItem(item: CanonicalItem): void {
  if (!validItem(item)) throw new Error(`item breaks the canonical item schema: ${ajv.errorsText(validItem.errors)}`);
  for (const text of strings(item)) {
    if (text.includes('\u0000')) throw new Error('item holds a NUL');
    if (LONE_SURROGATE.test(text)) throw new Error('item holds a lone surrogate');
  }
  for (const id of [item.wire.guid, ...(item.wire.links ?? []).map((l) => l.guid)]) {
    if (id !== undefined && Buffer.byteLength(id) > MAX_WIRE_ID_BYTES) throw new Error(`wire id of ${Buffer.byteLength(id)} bytes`);
  }
}

/**
 * Runs `runs` generated and mutated inputs per format through parseWire, the item checks and the
 * stages. Deterministic for a seed. A typed refusal (WireFormatError with a stable code) is an
 * answer; anything thrown otherwise, at any step, is a crash; an input over `hangMs` of CPU time is a hang.
 */
export function runFuzz(options: FuzzOptions, onReport: (report: FormatReport) => void = () => undefined): FormatReport[] {
  const seeds = corpusSeeds();
  const reports: FormatReport[] = [];
  for (const [n, [format, document]] of [...documentFormats()].entries()) {
    if (options.formats && !options.formats.includes(format)) continue;
    const arbitrary = fuzzInputs(document, seeds.get(format) ?? []);
    const report: FormatReport = { format, inputs: 0, parsed: 0, refused: {}, crashes: [], hangs: [], slowestMs: 0, slowestLabel: '' };
    for (let batch = 0; report.inputs < options.runs; batch++) {
      const inputs = fc.sample(arbitrary, { numRuns: Math.min(BATCH, options.runs - report.inputs), seed: formatSeed(options.seed, n, batch) });
      for (const input of inputs) runOne(input, report, format, options);
    }
    reports.push(report);
    onReport(report);
  }
  return reports;
}

/** One seed per format and batch, so that formats do not all get the same mutations. */
function formatSeed(seed: number, format: number, batch: number): number {
  return (seed + format * 1_000_003 + batch * 7_919) | 0;
}

function runOne(input: FuzzInput, report: FormatReport, format: WireFormat, options: FuzzOptions): void {
  const index = report.inputs++;
  // CPU time, not wall time: on a shared machine another process can hold the core for a while,
  // and that is no hang of ours.
  const start = process.cpuUsage();
  let crash: string | undefined;
  try {
    const { items } = parseWire({ body: input.body, ...(input.contentType ? { contentType: input.contentType } : {}), capturedAt: CAPTURED_AT });
    try {
      items.forEach(checkItem);
      for (const stage of options.stages) stage(items, format);
      report.parsed++;
    } catch (error) {
      crash = describeError(error);
    }
  } catch (error) {
    if (isWireFormatError(error) && STABLE_CODES.has(error.code)) report.refused[error.code] = (report.refused[error.code] ?? 0) + 1;
    else crash = describeError(error);
  }
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1_000;
  if (crash) report.crashes.push({ index, label: input.label, error: crash, ms, input });
  if (ms > options.hangMs) report.hangs.push({ index, label: input.label, error: `took ${ms.toFixed(0)} ms`, ms, input });
  if (ms > report.slowestMs) {
    report.slowestMs = ms;
    report.slowestLabel = input.label;
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error)
    return `${error.name}: ${error.message.slice(0, 300)}${
      error.stack
        ? ` (${error.stack
            .split('\n')
            .slice(1, 3)
            .map((l) => l.trim())
            .join(', ')})`
        : ''
    }`;
  return `thrown ${typeof error}: ${String(error).slice(0, 200)}`;
}
