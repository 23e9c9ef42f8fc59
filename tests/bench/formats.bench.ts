import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseWire } from '@copydesk/wire-formats';
import { BenchInput, loadCorpus } from './bench-corpus';

/**
 * Parses the whole Superdesk corpus in-process, on one core, many times over, and prints MB/s and items/s
 * per format and overall. Run from the repository root: `npm run bench:formats`.
 */
const CAPTURED_AT = new Date('2025-01-01T00:00:00Z');
const WARM_UP_ROUNDS = 20;
const MIN_SECONDS = 3;
const TARGET_MB_PER_SECOND = 10;

interface FormatLoad {
  inputs: BenchInput[];
  bytes: number;
  items: number;
}

function main(): void {
  const repoRoot = process.cwd();
  if (!existsSync(path.join(repoRoot, 'package.json'))) throw new Error('Run from the repository root');
  const byFormat = groupByFormat(loadCorpus(repoRoot));

  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const load of byFormat.values()) parseAll(load.inputs);

  const rows: string[] = [];
  let totalBytes = 0;
  let totalItems = 0;
  let totalSeconds = 0;
  for (const [format, load] of [...byFormat.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const { seconds, rounds } = timeRounds(load.inputs);
    const mb = (load.bytes * rounds) / 1e6;
    rows.push(row(format, load.inputs.length, mb / seconds, (load.items * rounds) / seconds));
    totalBytes += load.bytes;
    totalItems += load.items;
    totalSeconds += seconds / rounds;
  }
  const overallMbPerSecond = totalBytes / 1e6 / totalSeconds;
  const fileCount = [...byFormat.values()].reduce((sum, load) => sum + load.inputs.length, 0);
  process.stdout.write(
    [
      `wire-format parse throughput (Node ${process.version}, one core, ${fileCount} corpus files, ${(totalBytes / 1e6).toFixed(2)} MB per pass)`,
      `${'format'.padEnd(12)}${'files'.padStart(6)}${'MB/s'.padStart(10)}${'items/s'.padStart(12)}`,
      ...rows,
      row('overall', fileCount, overallMbPerSecond, totalItems / totalSeconds),
      `target ${TARGET_MB_PER_SECOND} MB/s overall: ${overallMbPerSecond >= TARGET_MB_PER_SECOND ? 'met' : 'NOT met'}`,
      '',
    ].join('\n'),
  );
}

/** Files by the format they parse as; files that fail to parse are left out (the bad-input suite covers them). */
function groupByFormat(inputs: readonly BenchInput[]): Map<string, FormatLoad> {
  const byFormat = new Map<string, FormatLoad>();
  for (const input of inputs) {
    try {
      const result = parseWire({ body: input.body, contentType: input.contentType, capturedAt: CAPTURED_AT });
      const load = byFormat.get(result.format) ?? { inputs: [], bytes: 0, items: 0 };
      load.inputs.push(input);
      load.bytes += input.body.length;
      load.items += result.items.length;
      byFormat.set(result.format, load);
    } catch {
      process.stderr.write(`skipped ${input.file}: does not parse\n`);
    }
  }
  return byFormat;
}

function parseAll(inputs: readonly BenchInput[]): number {
  let items = 0;
  for (const input of inputs) items += parseWire({ body: input.body, contentType: input.contentType, capturedAt: CAPTURED_AT }).items.length;
  return items;
}

/** Whole passes over the inputs until at least MIN_SECONDS have gone by. */
function timeRounds(inputs: readonly BenchInput[]): { seconds: number; rounds: number } {
  const started = process.hrtime.bigint();
  let rounds = 0;
  let seconds = 0;
  while (seconds < MIN_SECONDS) {
    parseAll(inputs);
    rounds++;
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
  }
  return { seconds, rounds };
}

function row(name: string, files: number, mbPerSecond: number, itemsPerSecond: number): string {
  return `${name.padEnd(12)}${String(files).padStart(6)}${mbPerSecond.toFixed(1).padStart(10)}${Math.round(itemsPerSecond).toString().padStart(12)}`;
}

main();
