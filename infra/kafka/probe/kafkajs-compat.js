#!/usr/bin/env node
/*
 * kafkajs <-> broker compatibility probe.
 *
 * Checks that kafkajs (2.2.4, the last release) works against the broker at
 * KAFKA_BROKERS (default 127.0.0.1:9092) for what the project uses:
 *   admin         createTopics (configs + partitions), listTopics, describeConfigs,
 *                 fetchTopicMetadata, fetchTopicOffsets
 *   groups        two consumers in one group (eachMessage + eachBatch), commits,
 *                 rebalance when one leaves, then admin fetchOffsets / describeGroups
 *   idempotent    idempotent producer (maxInFlightRequests 1, acks -1) sendBatch
 *   heartbeats    a handler that takes 2.5 session timeouts on one message, heartbeating
 *                 every second as ConsumerRunner does: the member stays in the group, nothing
 *                 is re-delivered
 *   transactions  transactionalId, send, sendOffsets, commit, abort,
 *                 read_committed consumer sees only committed messages
 *
 * Usage:  KAFKA_BROKERS=127.0.0.1:9092 node infra/kafka/probe/kafkajs-compat.js
 *         (kafkajs is resolved the normal way, e.g. from the repo's node_modules;
 *          set NODE_PATH to use another install)
 * Output: one line per check, a JSON summary line, and a closing
 *         "N passed, N failed" line. Exit code 0 only if every check passed.
 * Env:    PROBE_TIMEOUT_MS  per-check timeout (default 60000)
 *         PROBE_LOG_LEVEL   kafkajs log level: NOTHING|ERROR|WARN|INFO|DEBUG (ERROR)
 *         PROBE_KEEP_TOPICS=1 keep the probe topics (they are deleted otherwise)
 */
'use strict';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
let kafkajs;
try {
  kafkajs = require('kafkajs');
} catch (e) {
  if (e.code !== 'MODULE_NOT_FOUND') throw e;
  console.error('kafkajs-compat: cannot find the kafkajs package. Install it in the repo (npm i -D kafkajs@2.2.4)');
  console.error('or point NODE_PATH at a node_modules folder that has it.');
  process.exit(2);
}
const { Kafka, logLevel, CompressionTypes } = kafkajs;
const kafkajsVersion = (() => {
  try {
    return require('kafkajs/package.json').version;
  } catch {
    return 'unknown';
  }
})();

const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const TIMEOUT = Number(process.env.PROBE_TIMEOUT_MS || 60000);
const LEVEL = logLevel[(process.env.PROBE_LOG_LEVEL || 'ERROR').toUpperCase()] ?? logLevel.ERROR;
const RUN = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
const t = (name) => `probe-${name}-${RUN}`;

const kafkaLogs = [];
const kafka = new Kafka({
  clientId: `kafkajs-compat-${RUN}`,
  brokers,
  connectionTimeout: 5000,
  requestTimeout: 30000,
  retry: { retries: 5, initialRetryTime: 200 },
  logLevel: LEVEL,
  logCreator:
    () =>
    ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      const line = `[kafkajs ${namespace} ${Object.keys(logLevel).find((k) => logLevel[k] === level)}] ${message} ${JSON.stringify(extra)}`;
      kafkaLogs.push(line);
      if (process.env.PROBE_VERBOSE) console.error(line);
    },
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function assert(cond, msg) {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}
function withTimeout(p, ms, what) {
  let timer;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise((_, rej) => {
      timer = setTimeout(() => rej(new Error(`timeout after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}
async function waitFor(pred, ms, what) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await pred()) return;
    if (Date.now() > deadline) throw new Error(`timeout after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}
function errText(e) {
  if (!e) return String(e);
  const parts = [`${e.name || 'Error'}: ${e.message}`];
  if (e.type) parts.push(`type=${e.type}`);
  if (e.code !== undefined) parts.push(`code=${e.code}`);
  if (e.cause) parts.push(`cause=${errText(e.cause)}`);
  if (Array.isArray(e.errors)) parts.push(`errors=[${e.errors.map(errText).join('; ')}]`);
  return parts.join(' ');
}

const admin = kafka.admin();
const createdTopics = [];
const toClose = [];

async function createTopic(topic, numPartitions, configEntries) {
  const ok = await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic, numPartitions, replicationFactor: 1, configEntries }],
  });
  assert(ok === true, `createTopics(${topic}) returned ${ok}`);
  createdTopics.push(topic);
}

async function topicEndOffsets(topic) {
  const offs = await admin.fetchTopicOffsets(topic);
  return Object.fromEntries(offs.map((o) => [o.partition, Number(o.high)]));
}

// Consume everything currently in `topic` with a fresh group; returns values.
async function drain(topic, expected, { readUncommitted = false } = {}) {
  const consumer = kafka.consumer({
    groupId: `probe-drain-${RUN}-${Math.random().toString(36).slice(2, 7)}`,
    readUncommitted,
    maxWaitTimeInMs: 200,
  });
  toClose.push(consumer);
  const values = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      values.push(message.value.toString());
    },
  });
  try {
    await waitFor(() => values.length >= expected, 20000, `${expected} messages on ${topic} (got ${values.length})`);
    await sleep(1500); // anything extra (duplicates, aborted records) would show up here
  } finally {
    await consumer.disconnect();
  }
  return values;
}

// ------------------------------------------------------------------ checks

async function checkAdmin() {
  const topic = t('admin');
  await createTopic(topic, 3, [
    { name: 'cleanup.policy', value: 'compact' },
    { name: 'retention.ms', value: '3600000' },
  ]);
  const topics = await admin.listTopics();
  assert(topics.includes(topic), 'listTopics includes the new topic');

  const cfg = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: 2 /* ConfigResourceTypes.TOPIC */, name: topic, configNames: ['cleanup.policy', 'retention.ms'] }],
  });
  const entries = Object.fromEntries(cfg.resources[0].configEntries.map((e) => [e.configName, e.configValue]));
  assert(entries['cleanup.policy'] === 'compact', `cleanup.policy=compact (got ${entries['cleanup.policy']})`);
  assert(entries['retention.ms'] === '3600000', `retention.ms=3600000 (got ${entries['retention.ms']})`);

  const md = await admin.fetchTopicMetadata({ topics: [topic] });
  assert(md.topics[0].partitions.length === 3, `3 partitions (got ${md.topics[0].partitions.length})`);
  assert(
    md.topics[0].partitions.every((p) => p.leader === p.leader && p.leader >= 0),
    'every partition has a leader',
  );

  const offs = await admin.fetchTopicOffsets(topic);
  assert(offs.length === 3 && offs.every((o) => o.high === '0'), 'fetchTopicOffsets: 3 empty partitions');

  const cluster = await admin.describeCluster();
  return `3 partitions, compact, retention.ms ok; cluster ${cluster.clusterId} controller ${cluster.controller}`;
}

async function checkGroups() {
  const topic = t('group');
  const groupId = `probe-group-${RUN}`;
  await createTopic(topic, 4);

  const received = { A: [], B: [] };
  const assignments = { A: null, B: null };
  const mk = (name, opts) => {
    const c = kafka.consumer({ groupId, maxWaitTimeInMs: 200, heartbeatInterval: 1000, sessionTimeout: 10000, rebalanceTimeout: 20000, ...opts });
    c.on(c.events.GROUP_JOIN, (e) => {
      assignments[name] = e.payload.memberAssignment[topic] || [];
    });
    toClose.push(c);
    return c;
  };
  const A = mk('A');
  const B = mk('B');

  await A.connect();
  await A.subscribe({ topics: [topic], fromBeginning: true });
  await A.run({
    autoCommit: true,
    autoCommitInterval: 500,
    eachMessage: async ({ partition, message }) => {
      received.A.push({ p: partition, v: message.value.toString() });
    },
  });
  await waitFor(() => assignments.A && assignments.A.length === 4, 20000, 'A to own all 4 partitions');

  await B.connect();
  await B.subscribe({ topics: [topic], fromBeginning: true });
  await B.run({
    eachBatchAutoResolve: false,
    autoCommit: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      let next = null;
      for (const m of batch.messages) {
        received.B.push({ p: batch.partition, v: m.value.toString() });
        resolveOffset(m.offset);
        next = (BigInt(m.offset) + 1n).toString();
      }
      await heartbeat();
      // explicit manual commit (autoCommit is off for B)
      if (next !== null) await B.commitOffsets([{ topic, partition: batch.partition, offset: next }]);
    },
  });
  await waitFor(
    () => assignments.A && assignments.B && assignments.A.length + assignments.B.length === 4 && assignments.A.length > 0 && assignments.B.length > 0,
    30000,
    `partitions split between A and B (A=${JSON.stringify(assignments.A)} B=${JSON.stringify(assignments.B)})`,
  );
  const splitA = [...assignments.A].sort();
  const splitB = [...assignments.B].sort();

  const producer = kafka.producer();
  toClose.push(producer);
  await producer.connect();
  const phase1 = [];
  for (let p = 0; p < 4; p++) for (let i = 0; i < 5; i++) phase1.push({ partition: p, value: `p1-${p}-${i}` });
  await producer.send({ topic, messages: phase1 });
  await waitFor(() => received.A.length + received.B.length >= 20, 20000, `20 phase-1 messages (A=${received.A.length} B=${received.B.length})`);
  assert(
    received.A.every((m) => splitA.includes(m.p)),
    'A only got its partitions',
  );
  assert(
    received.B.every((m) => splitB.includes(m.p)),
    'B only got its partitions',
  );
  assert(received.B.length > 0 && received.A.length > 0, 'both consumers received messages');

  // B leaves: A must get all 4 partitions and continue from B's committed offsets.
  await sleep(1000); // let A's auto-commit run
  await B.disconnect();
  await waitFor(() => assignments.A && assignments.A.length === 4, 30000, `A to own all 4 partitions after B left (A=${JSON.stringify(assignments.A)})`);
  const phase2 = [];
  for (let p = 0; p < 4; p++) for (let i = 0; i < 3; i++) phase2.push({ partition: p, value: `p2-${p}-${i}` });
  await producer.send({ topic, messages: phase2 });
  await waitFor(() => received.A.filter((m) => m.v.startsWith('p2-')).length >= 12, 20000, 'A to receive all 12 phase-2 messages');
  await sleep(1500); // auto-commit + any re-delivery
  const values = [...received.A, ...received.B].map((m) => m.v);
  const dupP1 = values.filter((v) => v.startsWith('p1-')).length - 20;
  assert(dupP1 === 0, `no phase-1 re-delivery after rebalance (commits honoured), got ${dupP1} duplicates`);

  // Admin views of the group while A is alone in it.
  const end = await topicEndOffsets(topic);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const comm = Object.fromEntries(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
  assert(
    [0, 1, 2, 3].every((p) => comm[p] === end[p]),
    `committed offsets == end offsets (committed=${JSON.stringify(comm)} end=${JSON.stringify(end)})`,
  );
  const { groups } = await admin.describeGroups([groupId]);
  const g = groups[0];
  assert(
    g.errorCode === 0 && g.state === 'Stable' && g.protocolType === 'consumer' && g.members.length === 1,
    `describeGroups: Stable, consumer, 1 member (got state=${g.state} type=${g.protocolType} members=${g.members.length})`,
  );
  const listed = await admin.listGroups();
  assert(
    listed.groups.some((x) => x.groupId === groupId),
    'listGroups includes the group',
  );

  await A.disconnect();
  await producer.disconnect();
  return `split A=${JSON.stringify(splitA)} B=${JSON.stringify(splitB)}, rebalance -> A owns 4, committed=${JSON.stringify(comm)}, group ${g.state}/${g.protocol}`;
}

async function checkIdempotent() {
  const topic1 = t('idem1');
  const topic2 = t('idem2');
  await createTopic(topic1, 2);
  await createTopic(topic2, 1);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  toClose.push(producer);
  await producer.connect();
  const res = await producer.sendBatch({
    acks: -1,
    compression: CompressionTypes.GZIP,
    topicMessages: [
      { topic: topic1, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `a-${i}` })) },
      { topic: topic2, messages: Array.from({ length: 5 }, (_, i) => ({ value: `b-${i}` })) },
    ],
  });
  assert(Array.isArray(res) && res.length > 0 && res.every((r) => r.errorCode === 0), `sendBatch metadata ok: ${JSON.stringify(res)}`);
  // A second sendBatch on the same producer (sequence numbers continue).
  await producer.sendBatch({ acks: -1, topicMessages: [{ topic: topic2, messages: [{ value: 'b-5' }, { value: 'b-6' }] }] });
  await producer.disconnect();
  const e1 = await topicEndOffsets(topic1);
  const e2 = await topicEndOffsets(topic2);
  assert(e1[0] + e1[1] === 10, `10 records in ${topic1} (got ${JSON.stringify(e1)})`);
  assert(e2[0] === 7, `7 records in ${topic2} (got ${JSON.stringify(e2)})`);
  const v2 = await drain(topic2, 7);
  assert(JSON.stringify(v2) === JSON.stringify(['b-0', 'b-1', 'b-2', 'b-3', 'b-4', 'b-5', 'b-6']), `order & no dups: ${JSON.stringify(v2)}`);
  return `sendBatch to 2 topics ok, ${JSON.stringify(e1)} / ${JSON.stringify(e2)}, consumed in order without duplicates`;
}

async function checkTransactions() {
  const input = t('tx-in');
  const output = t('tx-out');
  const groupId = `probe-txgroup-${RUN}`;
  await createTopic(input, 1);
  await createTopic(output, 2);

  const producer = kafka.producer({ transactionalId: `probe-tx-${RUN}`, idempotent: true, maxInFlightRequests: 1 });
  toClose.push(producer);
  await producer.connect();

  // 1: committed transaction with sendOffsets
  let tx = await producer.transaction();
  await tx.send({ topic: output, messages: [{ value: 'c-1' }, { value: 'c-2' }] });
  await tx.send({ topic: output, messages: [{ partition: 1, value: 'c-3' }] });
  await tx.sendOffsets({ consumerGroupId: groupId, topics: [{ topic: input, partitions: [{ partition: 0, offset: '5' }] }] });
  await tx.commit();

  // 2: aborted transaction (with offsets that must not be committed)
  tx = await producer.transaction();
  await tx.send({ topic: output, messages: [{ value: 'x-1' }, { partition: 1, value: 'x-2' }] });
  await tx.sendOffsets({ consumerGroupId: groupId, topics: [{ topic: input, partitions: [{ partition: 0, offset: '99' }] }] });
  await tx.abort();

  // 3: another committed one after the abort
  tx = await producer.transaction();
  await tx.send({ topic: output, messages: [{ value: 'c-4' }] });
  await tx.commit();
  await producer.disconnect();

  const committedValues = await drain(output, 4, { readUncommitted: false });
  const sorted = [...committedValues].sort();
  assert(JSON.stringify(sorted) === JSON.stringify(['c-1', 'c-2', 'c-3', 'c-4']), `read_committed sees only c-1..c-4 (got ${JSON.stringify(committedValues)})`);

  const uncommitted = await drain(output, 6, { readUncommitted: true });
  assert(uncommitted.includes('x-1') && uncommitted.includes('x-2'), `read_uncommitted sees the aborted records (got ${JSON.stringify(uncommitted)})`);

  const [offs] = await admin.fetchOffsets({ groupId, topics: [input] });
  const off = offs.partitions.find((p) => p.partition === 0).offset;
  assert(off === '5', `sendOffsets committed offset 5 for ${groupId} and the aborted 99 was discarded (got ${off})`);
  return `read_committed=${JSON.stringify(committedValues)}, read_uncommitted had ${uncommitted.length} records, group offset ${off}`;
}

async function checkHeartbeats() {
  const topic = t('slow');
  const groupId = `probe-slow-${RUN}`;
  await createTopic(topic, 1);
  const sessionTimeout = 6000;
  const c = kafka.consumer({ groupId, maxWaitTimeInMs: 200, sessionTimeout, heartbeatInterval: 1000, rebalanceTimeout: 10000 });
  toClose.push(c);
  let joins = 0;
  let heartbeats = 0;
  c.on(c.events.GROUP_JOIN, () => joins++);
  c.on(c.events.HEARTBEAT, () => heartbeats++);
  const seen = [];
  let slowDone = false;
  await c.connect();
  await c.subscribe({ topics: [topic], fromBeginning: true });
  await c.run({
    autoCommit: true,
    autoCommitInterval: 2000,
    autoCommitThreshold: 200,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }) => {
      for (const m of batch.messages) {
        const v = m.value.toString();
        seen.push(v);
        if (v === 'slow') {
          // ConsumerRunner's pause: wait, heartbeating every second.
          const end = Date.now() + sessionTimeout * 2.5;
          while (Date.now() < end) {
            await sleep(Math.min(1000, end - Date.now()));
            await heartbeat();
          }
          slowDone = true;
        }
        resolveOffset(m.offset);
        await commitOffsetsIfNecessary();
        await heartbeat();
      }
    },
  });
  await waitFor(() => joins >= 1, 20000, 'the consumer to join');
  const producer = kafka.producer();
  toClose.push(producer);
  await producer.connect();
  await producer.send({ topic, messages: [{ value: 'slow' }, { value: 'after' }] });
  await waitFor(() => slowDone, sessionTimeout * 4, 'the slow handler');
  await waitFor(() => seen.includes('after'), 10000, 'the next message');
  await sleep(1000);
  const { groups } = await admin.describeGroups([groupId]);
  assert(joins === 1, `no rejoin while the handler took ${sessionTimeout * 2.5} ms (joins=${joins})`);
  assert(JSON.stringify(seen) === JSON.stringify(['slow', 'after']), `nothing re-delivered (seen ${JSON.stringify(seen)})`);
  assert(groups[0].members.length === 1, `still one member (got ${groups[0].members.length}, state ${groups[0].state})`);
  await c.disconnect();
  await producer.disconnect();
  return `handler took ${sessionTimeout * 2.5} ms with sessionTimeout ${sessionTimeout}: ${heartbeats} heartbeats, 1 join, no re-delivery`;
}

// ------------------------------------------------------------------ main

const checks = [
  ['admin', checkAdmin],
  ['groups', checkGroups],
  ['idempotent', checkIdempotent],
  ['heartbeats', checkHeartbeats],
  ['transactions', checkTransactions],
];

(async () => {
  const results = {};
  const started = Date.now();
  console.log(`kafkajs-compat: kafkajs ${kafkajsVersion}, node ${process.version}, brokers ${brokers.join(',')}`);
  try {
    await withTimeout(admin.connect(), 15000, 'admin connect');
  } catch (e) {
    console.log(`FAIL connect: ${errText(e)}`);
    console.log(`0 passed, ${checks.length} failed`);
    process.exit(1);
  }
  for (const [name, fn] of checks) {
    const t0 = Date.now();
    const logStart = kafkaLogs.length;
    try {
      const detail = await withTimeout(fn(), TIMEOUT, name);
      results[name] = { ok: true, ms: Date.now() - t0, detail };
      console.log(`PASS ${name} (${Date.now() - t0} ms): ${detail}`);
    } catch (e) {
      results[name] = { ok: false, ms: Date.now() - t0, error: errText(e), kafkajsLogs: kafkaLogs.slice(logStart, logStart + 10) };
      console.log(`FAIL ${name} (${Date.now() - t0} ms): ${errText(e)}`);
      for (const l of kafkaLogs.slice(logStart, logStart + 10)) console.log(`     ${l}`);
    }
    // close whatever the check left open
    await Promise.allSettled(toClose.splice(0).map((c) => c.disconnect()));
  }
  if (!process.env.PROBE_KEEP_TOPICS && createdTopics.length) {
    try {
      await admin.deleteTopics({ topics: createdTopics, timeout: 10000 });
    } catch (e) {
      console.log(`note: deleteTopics failed: ${errText(e)}`);
    }
  }
  await admin.disconnect().catch(() => {});
  const passed = Object.values(results).filter((r) => r.ok).length;
  const failed = checks.length - passed;
  console.log(
    `SUMMARY ${JSON.stringify({ kafkajs: kafkajsVersion, brokers, ms: Date.now() - started, results: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.ok ? 'pass' : `fail: ${v.error}`])) })}`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})().catch((e) => {
  console.error(errText(e));
  process.exit(2);
});
