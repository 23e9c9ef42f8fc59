#!/usr/bin/env node
'use strict';
/*
 * The two Kafka clients side by side in one sitting, against the broker at KAFKA_BROKERS:
 * both compatibility probes, then ROUNDS rounds of the null pipeline (null-pipeline.js), the
 * clients taking turns (kafkajs, platformatic, kafkajs, platformatic, …) so that whatever else
 * the machine is doing weighs on both alike. Prints every run, then the medians and their
 * ratio, the ratio within each round and its median, and closes with "N passed, N failed" over the probe checks.
 *
 *   KAFKA_BROKERS=… node infra/kafka/bench/compare.js      (tools/bench-client.sh sets up a broker)
 *   env: ROUNDS (5), and MESSAGES, IN_FLIGHT, VALUE_BYTES for null-pipeline.js
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { CLIENTS } = require('./clients');

const ROUNDS = Number(process.env.ROUNDS || 5);
const here = __dirname;
const run = (script, args = []) =>
  spawnSync(process.execPath, [path.join(here, script), ...args], { encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

let passed = 0;
let failed = 0;
const probes = {};
for (const [client, probe] of [
  ['kafkajs', '../probe/kafkajs-compat.js'],
  ['platformatic', '../probe/platformatic-compat.js'],
]) {
  const r = run(probe);
  const lines = r.stdout.trim().split('\n');
  for (const line of lines) if (/^(PASS|FAIL) /.test(line)) console.log(`probe ${client}: ${line}`);
  const closing = lines.at(-1).match(/^(\d+) passed, (\d+) failed$/);
  if (closing) {
    passed += Number(closing[1]);
    failed += Number(closing[2]);
    probes[client] = `${closing[1]} passed, ${closing[2]} failed`;
  } else {
    failed++;
    probes[client] = `did not finish: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`;
  }
}

const results = Object.fromEntries(CLIENTS.map((c) => [c, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const client of CLIENTS) {
    const r = run('null-pipeline.js', [client]);
    const line = r.stdout
      .trim()
      .split('\n')
      .find((l) => l.startsWith('{'));
    if (r.status !== 0 || !line) {
      console.log(`round ${round} ${client}: failed (${r.stderr.trim().split('\n').slice(-3).join(' | ')})`);
      continue;
    }
    const result = JSON.parse(line);
    results[client].push(result);
    console.log(
      `round ${round} ${client.padEnd(12)} ${String(result.msgsPerSecond).padStart(6)} msgs/s end to end, ingest ${result.ingestPerSecond} msgs/s, ${result.seconds} s`,
    );
  }
}

const summary = {};
for (const client of CLIENTS) {
  const runs = results[client];
  if (runs.length === 0) continue;
  summary[client] = {
    version: runs[0].version,
    runs: runs.length,
    medianMsgsPerSecond: median(runs.map((r) => r.msgsPerSecond)),
    medianIngestPerSecond: median(runs.map((r) => r.ingestPerSecond)),
    all: runs.map((r) => r.msgsPerSecond),
  };
}
const first = results.kafkajs[0] ?? results.platformatic[0];
console.log(
  `\nnull pipeline, ${first ? `${first.messages} messages of ${first.valueBytes} bytes` : 'no run'}, node ${process.versions.node}, ${ROUNDS} rounds taking turns:`,
);
for (const [client, s] of Object.entries(summary)) {
  console.log(
    `  ${client.padEnd(12)} ${s.version.padEnd(7)} median ${s.medianMsgsPerSecond} msgs/s end to end (runs ${s.all.join(', ')}), ingest median ${s.medianIngestPerSecond} msgs/s; probe ${probes[client]}`,
  );
}
if (summary.kafkajs && summary.platformatic) {
  // The runs of one round ran back to back under the same load: their ratio is the fairer
  // figure on a busy machine, where one slow minute can move a median.
  const pairs = [];
  for (let i = 0; i < Math.min(results.kafkajs.length, results.platformatic.length); i++) {
    pairs.push(results.platformatic[i].msgsPerSecond / results.kafkajs[i].msgsPerSecond);
  }
  summary.pairedRatios = pairs.map((r) => Number(r.toFixed(2)));
  summary.medianPairedRatio = Number(median(pairs).toFixed(2));
  console.log(
    `  platformatic / kafkajs round by round: ${summary.pairedRatios.join(', ')}; median ${summary.medianPairedRatio}; platformatic faster in ${pairs.filter((r) => r > 1).length} of ${pairs.length} rounds`,
  );
  console.log(
    `  platformatic / kafkajs medians: ${(summary.platformatic.medianMsgsPerSecond / summary.kafkajs.medianMsgsPerSecond).toFixed(2)} end to end, ${(summary.platformatic.medianIngestPerSecond / summary.kafkajs.medianIngestPerSecond).toFixed(2)} ingest`,
  );
}
console.log(`SUMMARY ${JSON.stringify({ probes, summary })}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
