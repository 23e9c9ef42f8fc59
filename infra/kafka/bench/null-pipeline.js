#!/usr/bin/env node
'use strict';
/*
 * The null pipeline: Copydesk's four stages as four processes that only relay, with the same
 * hops and the same batching as the services, and no parsing and no database in between:
 *
 *   ingest     MESSAGES messages, IN_FLIGHT sends at once, each awaited until the broker acked
 *              it (as ingest answers 202) ────────────────────────────────► raw
 *   normalise  raw        ─► normalised        (one message out per message in)
 *   dedupe     normalised ─► versions
 *   publish    versions   ─► published + latest (two messages out per message in)
 *
 * Each relay is a consumer group on 6 partitions, two partitions at once, each message's
 * publish awaited before its offset may be committed; every producer is idempotent with
 * acks = all and gathers concurrent sends into one request (see clients.js). This process
 * counts the messages on `published` and reports messages per second from the first send to
 * the last message out.
 *
 *   KAFKA_BROKERS=127.0.0.1:9092 node infra/kafka/bench/null-pipeline.js kafkajs|platformatic
 *   env: MESSAGES (5000), IN_FLIGHT (16), VALUE_BYTES (2048)
 * Prints one JSON line: { client, version, messages, seconds, msgsPerSecond, ingestPerSecond }.
 */
const { fork } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { makeClient } = require('./clients');

const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',').filter(Boolean);
const MESSAGES = Number(process.env.MESSAGES || 5000);
const IN_FLIGHT = Number(process.env.IN_FLIGHT || 16);
const VALUE_BYTES = Number(process.env.VALUE_BYTES || 2048);
const PARTITIONS = 6;
const STAGES = [
  ['normalise', 'raw', ['normalised']],
  ['dedupe', 'normalised', ['versions']],
  ['publish', 'versions', ['published', 'latest']],
];

function send(message) {
  if (process.send) process.send(message);
}

/** A relay process: consumes `from`, publishes each message to every topic of `to`. */
async function relay(clientName, run, stage, from, to) {
  const client = makeClient(clientName, brokers, `null-${stage}`);
  const producer = await client.producer();
  const consumer = await client.relay({
    groupId: `null-${run}-${stage}`,
    topic: `null-${run}-${from}`,
    handle: (m) => producer.publish(to.map((t) => ({ topic: `null-${run}-${t}`, key: m.key, value: m.value, headers: { ...m.headers, 'x-stage': stage } }))),
  });
  send({ ready: stage });
  process.on('message', async (m) => {
    if (m !== 'stop') return;
    await consumer.close();
    await producer.close();
    process.exit(0);
  });
}

/** The ingest process: MESSAGES sends, IN_FLIGHT at once, each awaited. */
async function ingest(clientName, run) {
  const client = makeClient(clientName, brokers, 'null-ingest');
  const producer = await client.producer();
  const value = randomBytes(VALUE_BYTES / 2).toString('hex');
  send({ ready: 'ingest' });
  await new Promise((r) => process.once('message', r));
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < MESSAGES) {
        const i = next++;
        await producer.publish([
          { topic: `null-${run}-raw`, key: `story-${i}`, value: Buffer.from(value), headers: { 'x-submission-id': String(i), 'content-type': 'text/plain' } },
        ]);
      }
    }),
  );
  send({ ingested: (Date.now() - started) / 1000 });
  await producer.close();
  process.exit(0);
}

async function main(clientName) {
  const run = `${clientName}-${Date.now().toString(36)}`;
  const client = makeClient(clientName, brokers, 'null-bench');
  const topics = ['raw', 'normalised', 'versions', 'published', 'latest'].map((t) => `null-${run}-${t}`);
  await client.createTopics(topics, PARTITIONS);
  const children = [];
  const start = (role, ...args) => {
    const child = fork(__filename, ['--role', role, clientName, run, ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    return new Promise((resolve, reject) => {
      child.on('message', (m) => m.ready && resolve(child));
      child.on('exit', (code) => code !== 0 && reject(new Error(`${role} exited with ${code}`)));
    });
  };
  let counted = 0;
  let finish;
  const done = new Promise((r) => (finish = r));
  try {
    await Promise.all(STAGES.map(([stage, from, to]) => start('relay', stage, from, to.join(','))));
    // What comes out of publish is counted by one more member of the client under test.
    const counter = await client.relay({
      groupId: `null-${run}-count`,
      topic: `null-${run}-published`,
      concurrency: PARTITIONS,
      handle: async () => {
        if (++counted === MESSAGES) finish(Date.now());
      },
    });
    const producer = await start('ingest');
    const ingested = new Promise((r) => producer.on('message', (m) => m.ingested && r(m.ingested)));
    const started = Date.now();
    producer.send('go');
    const deadline = setTimeout(() => finish(null), Number(process.env.BENCH_TIMEOUT_MS || 600000));
    const ended = await done;
    clearTimeout(deadline);
    if (ended === null) throw new Error(`timed out with ${counted} of ${MESSAGES} messages out`);
    const seconds = (ended - started) / 1000;
    const ingestSeconds = await ingested;
    console.log(
      JSON.stringify({
        client: clientName,
        version: client.version,
        node: process.versions.node,
        messages: MESSAGES,
        valueBytes: VALUE_BYTES,
        seconds: Number(seconds.toFixed(2)),
        msgsPerSecond: Math.round(MESSAGES / seconds),
        ingestPerSecond: Math.round(MESSAGES / ingestSeconds),
      }),
    );
    await counter.close();
  } finally {
    for (const child of children) if (child.connected) child.send('stop');
    await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))));
    await client.deleteTopics(topics);
  }
}

const args = process.argv.slice(2);
const onError = (e) => {
  console.error(e);
  process.exit(1);
};
if (args[0] === '--role') {
  const [, role, clientName, run, stage, from, to] = args;
  if (role === 'ingest') ingest(clientName, run).catch(onError);
  else relay(clientName, run, stage, from, to.split(',')).catch(onError);
} else {
  main(args[0] || 'kafkajs').then(() => process.exit(0), onError);
}
