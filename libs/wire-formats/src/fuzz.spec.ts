import type { WireFormat } from '@copydesk/contracts';
import { dedupeStage } from '../testing/fuzz/dedupe-stage';
import { FormatReport, runFuzz } from '../testing/fuzz/fuzz-runner';
import { documentFormats } from '../testing/fuzz/fuzz-inputs';

/**
 * The fuzz suite, short: the same generated and mutated inputs as `npm run fuzz`, 200 per format,
 * through parse, the item checks, fingerprint, index keys and decision. No crash; every format
 * both parses and refuses some of its inputs, so the suite reaches every step. Hangs are counted
 * by the full run, which has a time limit; a unit spec has none.
 */
const RUNS = 200;

describe('fuzz suite (short)', () => {
  const reports = new Map<WireFormat, FormatReport>();

  beforeAll(() => {
    for (const report of runFuzz({ runs: RUNS, seed: 20250101, hangMs: Number.POSITIVE_INFINITY, stages: [dedupeStage()] })) reports.set(report.format, report);
  });

  it.each([...documentFormats().keys()])('%s: no crash', (format) => {
    const report = reports.get(format)!;
    expect(report.crashes.map((c) => `#${c.index} ${c.label}: ${c.error}`)).toEqual([]);
    expect(report.inputs).toBe(RUNS);
    expect(report.parsed).toBeGreaterThan(RUNS / 10);
    expect(Object.values(report.refused).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
