#!/usr/bin/env node
// Turns a service's JSON log lines into one readable line each, with pino-pretty:
//   [10:00:01] INFO: ingest    WireService: submission accepted {"submissionId":"…","size":11781}
// Lines that are not JSON pass through unchanged.
const pretty = require('pino-pretty');

// Ctrl-C reaches the printers too; they outlive it so the services' shutdown lines still
// show, and end when their service closes its output.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);

const service = (process.argv[2] || '').trim();
const colors = { ingest: 36, normalise: 35, dedupe: 33, publish: 32, console: 31, kafka: 34 };
const colorize = Boolean(process.stdout.isTTY);
const label = colorize && colors[service] ? `\x1b[${colors[service]}m${service.padEnd(9)}\x1b[0m` : service.padEnd(9);

process.stdin.pipe(
  pretty({
    colorize,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service,context',
    messageFormat: (log, messageKey) => `${label} ${log.context ? `${log.context}: ` : ''}${log[messageKey] ?? ''}`,
    destination: 1,
  }),
);
