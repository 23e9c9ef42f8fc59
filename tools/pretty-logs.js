#!/usr/bin/env node
// Turns the services' JSON log lines into one readable line each:
//   10:00:01 ingest    INFO  submission accepted  submissionId=… size=11781
// Lines that are not JSON pass through unchanged.
const readline = require('node:readline');

// Ctrl-C reaches the printers too; they outlive it so the services' shutdown lines still
// show, and end when their service closes its output.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);

const name = (process.argv[2] || '').padEnd(9);
const colors = { ingest: 36, normalise: 35, dedupe: 33, publish: 32, console: 31, kafka: 34 };
const color = process.stdout.isTTY ? colors[(process.argv[2] || '').trim()] || 0 : 0;
const paint = (code, text) => (code ? `\x1b[${code}m${text}\x1b[0m` : text);
const levels = { debug: 90, info: 0, warn: 33, error: 31 };
const skip = new Set(['time', 'level', 'service', 'msg', 'context', 'err', 'stack']);

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    process.stdout.write(`${paint(color, name)} ${line}\n`);
    return;
  }
  const time = (entry.time || new Date().toISOString()).slice(11, 19);
  const level = String(entry.level || 'info')
    .toUpperCase()
    .padEnd(5);
  const fields = Object.entries(entry)
    .filter(([k]) => !skip.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(' ');
  const err = entry.err ? `  (${entry.err.name}: ${entry.err.message})` : '';
  process.stdout.write(
    `${time} ${paint(color, name)} ${paint(process.stdout.isTTY ? levels[entry.level] : 0, level)} ${entry.msg || ''}${fields ? '  ' + fields : ''}${err}\n`,
  );
});
