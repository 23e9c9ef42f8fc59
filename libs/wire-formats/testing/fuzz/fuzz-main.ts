import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { WireFormat } from '@copydesk/contracts';
import { dedupeStage } from './dedupe-stage';
import { FormatReport, FuzzFailure, runFuzz } from './fuzz-runner';

/**
 * The fuzz suite: generated and mutated inputs per format through parse → canonical item checks →
 * fingerprint → index keys → decision. Prints, per format, inputs, crashes (uncaught or untyped
 * errors, items that break the contract), hangs (over the limit of CPU time) and the slowest input; writes each
 * failing input to tmp/fuzz/; exits non-zero on any crash or hang.
 *
 *   npm run fuzz                        10,000 inputs per format, seed 20250101
 *   npm run fuzz -- --runs 500 --seed 7 --format nitf --format rss --hang-ms 1000
 *
 * Run from the repository root. The same code runs, shorter, as a unit spec (src/fuzz.spec.ts).
 */
const DEFAULTS = { runs: 10_000, seed: 20250101, hangMs: 1_000 };
const SHOWN_FAILURES = 5;

function parseArgs(argv: readonly string[]): { runs: number; seed: number; hangMs: number; formats?: WireFormat[] } {
  const options: { runs: number; seed: number; hangMs: number; formats?: WireFormat[] } = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--runs') options.runs = positive(flag, value);
    else if (flag === '--seed') options.seed = positive(flag, value);
    else if (flag === '--hang-ms') options.hangMs = positive(flag, value);
    else if (flag === '--format') options.formats = [...(options.formats ?? []), value as WireFormat];
    else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} must be a whole number from 1`);
  return n;
}

function line(report: FormatReport): string {
  const refused = Object.entries(report.refused)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  return [
    report.format.padEnd(11),
    String(report.inputs).padStart(7),
    String(report.parsed).padStart(7),
    String(report.crashes.length).padStart(8),
    String(report.hangs.length).padStart(6),
    report.slowestMs.toFixed(1).padStart(11),
    `  ${refused || '-'}`,
  ].join(' ');
}

function keep(failure: FuzzFailure, format: WireFormat, kind: string): string {
  const dir = path.resolve('tmp', 'fuzz');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${format}-${kind}-${failure.index}.bin`);
  writeFileSync(file, failure.input.body);
  return path.relative(process.cwd(), file);
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  console.log(`fuzz: ${options.runs} inputs per format, seed ${options.seed}, hang limit ${options.hangMs} ms (CPU time per input)`);
  console.log(
    `${'format'.padEnd(11)} ${'inputs'.padStart(7)} ${'parsed'.padStart(7)} ${'crashes'.padStart(8)} ${'hangs'.padStart(6)} ${'slowest ms'.padStart(11)}  refused`,
  );
  const started = Date.now();
  const reports = runFuzz({ ...options, stages: [dedupeStage()] }, (report) => console.log(line(report)));
  let failed = false;
  for (const report of reports) {
    for (const [kind, failures] of [
      ['crash', report.crashes],
      ['hang', report.hangs],
    ] as const) {
      failures.slice(0, SHOWN_FAILURES).forEach((f) => {
        console.log(
          `\n${report.format} ${kind} #${f.index} (${f.ms.toFixed(0)} ms, content type ${f.input.contentType ?? 'none'}): ${f.label}\n  ${f.error}\n  input: ${keep(f, report.format, kind)}`,
        );
      });
      if (failures.length > SHOWN_FAILURES) console.log(`  … and ${failures.length - SHOWN_FAILURES} more ${kind}es`);
      failed ||= failures.length > 0;
    }
    if (report.slowestMs > 0) console.log(`${report.format} slowest: ${report.slowestMs.toFixed(1)} ms, ${report.slowestLabel.slice(0, 160)}`);
  }
  const total = reports.reduce((n, r) => n + r.inputs, 0);
  console.log(`\n${total} inputs in ${((Date.now() - started) / 1000).toFixed(0)} s: ${failed ? 'FAILED' : 'no crash, no hang'}`);
  process.exitCode = failed ? 1 : 0;
}

main();
