#!/usr/bin/env node
/*
 * @platformatic/kafka <-> broker compatibility probe: what libs/kafka needs of a client,
 * checked against the broker at KAFKA_BROKERS (default 127.0.0.1:9092), side by side with
 * kafkajs-compat.js.
 *   admin         createTopics (configs + partitions), listTopics, describeConfigs, metadata
 *                 (partitions, leaders, cluster id, controller, brokers), listOffsets (earliest,
 *                 latest, by time)
 *   groups        two consumers in one group with manual commits (commit only what was
 *                 handled), rebalance when one leaves without re-delivery, then
 *                 listConsumerGroupOffsets / describeGroups (with assignments) / listGroups,
 *                 alterConsumerGroupOffsets on the empty group, a consumer started at given
 *                 offsets (TopicTailReader's seek), deleteGroups
 *   idempotent    idempotent producer (acks = all, gzip) to two topics, a second send on the
 *                 same producer, order without duplicates, string headers both ways, and keys
 *                 landing on the partitions kafkajs's default partitioner picks (the topics
 *                 already hold data keyed that way)
 *   heartbeats    a handler that takes 2.5 session timeouts on one message: the member stays
 *                 in the group, nothing is re-delivered
 *   transactions  commit, abort, commit; read_committed sees only committed records
 *                 (libs/kafka does not use transactions; checked for completeness)
 *
 * Usage:  KAFKA_BROKERS=127.0.0.1:9092 node infra/kafka/probe/platformatic-compat.js
 * Output: one line per check, a JSON summary line, and a closing "N passed, N failed" line.
 *         Exit code 0 only if every check passed.
 * Env:    PROBE_TIMEOUT_MS per-check timeout (default 90000)
 */
'use strict';

const pk = require('@platformatic/kafka');
const {
  Admin,
  Consumer,
  Producer,
  ProduceAcks,
  MessagesStreamModes,
  FetchIsolationLevels,
  ConfigResourceTypes,
  stringSerializer,
  stringDeserializer,
  compatibilityPartitioner,
} = pk;
const version = require('@platformatic/kafka').clientSoftwareVersion;

const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const TIMEOUT = Number(process.env.PROBE_TIMEOUT_MS || 90000);
const RUN = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
const t = (name) => `probe-pk-${name}-${RUN}`;
const base = { clientId: `platformatic-compat-${RUN}`, bootstrapBrokers: brokers, connectTimeout: 5000, requestTimeout: 30000, retries: 5, retryDelay: 200 };
const serializers = { key: stringSerializer, value: stringSerializer, headerKey: stringSerializer, headerValue: stringSerializer };
const deserializers = { key: stringDeserializer, value: stringDeserializer, headerKey: stringDeserializer, headerValue: stringDeserializer };

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
    if (Date.now() > deadline) throw new Error(`timeout after ${ms} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await sleep(100);
  }
}
function errText(e) {
  if (!e) return String(e);
  const parts = [`${e.name || 'Error'}: ${e.message}`];
  if (e.code !== undefined) parts.push(`code=${e.code}`);
  if (e.apiId) parts.push(`apiId=${e.apiId}`);
  if (e.cause) parts.push(`cause=${errText(e.cause)}`);
  if (Array.isArray(e.errors)) parts.push(`errors=[${e.errors.slice(0, 3).map(errText).join('; ')}]`);
  return parts.join(' ');
}
const hasGroup = (listed, id) => (listed instanceof Map ? listed.has(id) : [...listed].some((g) => g.id === id));
const json = (v) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));

const admin = new Admin(base);
const createdTopics = [];
const toClose = [];

async function createTopic(topic, partitions, configs) {
  const created = await admin.createTopics({ topics: [topic], partitions, replicas: 1, configs });
  assert(created.length === 1 && created[0].name === topic, `createTopics(${topic}) returned ${json(created)}`);
  createdTopics.push(topic);
  // The next calls need the partitions' leaders (kafkajs: waitForLeaders).
  await waitFor(
    async () => {
      const md = await admin.metadata({ topics: [topic], forceUpdate: true });
      return md.topics.get(topic)?.partitions.every((p) => p.leader >= 0);
    },
    20000,
    `leaders for ${topic}`,
  );
}

async function endOffsets(topic, partitions, timestamp = -1n) {
  const [res] = await admin.listOffsets({
    topics: [{ name: topic, partitions: Array.from({ length: partitions }, (_, i) => ({ partitionIndex: i, timestamp })) }],
  });
  return Object.fromEntries(res.partitions.map((p) => [p.partitionIndex, Number(p.offset)]));
}

function consumer(groupId, opts = {}) {
  const c = new Consumer({
    ...base,
    groupId,
    autocommit: false,
    deserializers,
    maxWaitTime: 200,
    sessionTimeout: 10000,
    heartbeatInterval: 1000,
    rebalanceTimeout: 20000,
    ...opts,
  });
  toClose.push(c);
  return c;
}

/** Everything currently in `topic`, through a fresh group. */
async function drain(topic, expected, isolationLevel = FetchIsolationLevels.READ_COMMITTED) {
  const c = consumer(`probe-pk-drain-${RUN}-${Math.random().toString(36).slice(2, 7)}`);
  const values = [];
  const stream = await c.consume({ topics: [topic], mode: MessagesStreamModes.EARLIEST, autocommit: false, isolationLevel });
  stream.on('data', (m) => values.push({ v: m.value, p: m.partition, k: m.key, h: m.headers }));
  try {
    await waitFor(
      () => values.length >= expected,
      20000,
      () => `${expected} messages on ${topic} (got ${values.length})`,
    );
    await sleep(1500);
  } finally {
    await stream.close();
    await c.close();
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
  const [cfg] = await admin.describeConfigs({
    resources: [{ resourceType: ConfigResourceTypes.TOPIC, resourceName: topic, configurationKeys: ['cleanup.policy', 'retention.ms'] }],
  });
  const entries = Object.fromEntries(cfg.configs.map((e) => [e.name, e.value]));
  assert(entries['cleanup.policy'] === 'compact', `cleanup.policy=compact (got ${entries['cleanup.policy']})`);
  assert(entries['retention.ms'] === '3600000', `retention.ms=3600000 (got ${entries['retention.ms']})`);
  const [all] = await admin.describeConfigs({ resources: [{ resourceType: ConfigResourceTypes.TOPIC, resourceName: topic }] });
  assert(all.configs.length > 10, `describeConfigs with defaults (got ${all.configs.length} entries)`);
  const md = await admin.metadata({ topics: [topic] });
  const tm = md.topics.get(topic);
  assert(tm.partitions.length === 3, `3 partitions (got ${tm.partitions.length})`);
  assert(
    tm.partitions.every((p) => p.leader >= 0 && p.replicas.length === 1 && p.isr.length === 1),
    'every partition has a leader, replicas and isr',
  );
  assert(
    typeof md.id === 'string' && md.id.length > 0 && md.brokers.size === 1 && md.controllerId >= 0,
    `cluster id ${md.id}, controller ${md.controllerId}, ${md.brokers.size} broker`,
  );
  const latest = await endOffsets(topic, 3, -1n);
  const earliest = await endOffsets(topic, 3, -2n);
  assert(
    [0, 1, 2].every((p) => latest[p] === 0 && earliest[p] === 0),
    `3 empty partitions (latest ${json(latest)} earliest ${json(earliest)})`,
  );
  return `3 partitions, compact, retention.ms ok, ${all.configs.length} configs; cluster ${md.id} controller ${md.controllerId} broker ${json([...md.brokers.values()][0])}`;
}

async function checkGroups() {
  const topic = t('group');
  const groupId = `probe-pk-group-${RUN}`;
  await createTopic(topic, 4);
  const received = { A: [], B: [] };
  const assignments = { A: null, B: null };
  const streams = {};
  const mk = async (name) => {
    const c = consumer(groupId);
    c.on('consumer:group:join', (e) => {
      assignments[name] = (e.assignments ?? []).filter((a) => a.topic === topic).flatMap((a) => a.partitions);
    });
    const stream = await c.consume({ topics: [topic], mode: MessagesStreamModes.COMMITTED, fallbackMode: MessagesStreamModes.EARLIEST, autocommit: false });
    // Manual commits, after the message was handled: what ConsumerRunner needs.
    stream.on('data', async (m) => {
      received[name].push({ p: m.partition, v: m.value });
      await m.commit();
    });
    streams[name] = stream;
    return c;
  };
  const A = await mk('A');
  await waitFor(() => assignments.A && assignments.A.length === 4, 20000, 'A to own all 4 partitions');
  const B = await mk('B');
  await waitFor(
    () => assignments.A && assignments.B && assignments.A.length + assignments.B.length === 4 && assignments.A.length > 0 && assignments.B.length > 0,
    30000,
    () => `partitions split between A and B (A=${json(assignments.A)} B=${json(assignments.B)})`,
  );
  const splitA = [...assignments.A].sort();
  const splitB = [...assignments.B].sort();

  const producer = new Producer({ ...base, serializers });
  toClose.push(producer);
  const phase1 = [];
  for (let p = 0; p < 4; p++) for (let i = 0; i < 5; i++) phase1.push({ topic, partition: p, value: `p1-${p}-${i}` });
  await producer.send({ messages: phase1 });
  await waitFor(
    () => received.A.length + received.B.length >= 20,
    20000,
    () => `20 phase-1 messages (A=${received.A.length} B=${received.B.length})`,
  );
  assert(
    received.A.every((m) => splitA.includes(m.p)),
    'A only got its partitions',
  );
  assert(
    received.B.every((m) => splitB.includes(m.p)),
    'B only got its partitions',
  );
  assert(received.A.length > 0 && received.B.length > 0, 'both consumers received messages');

  await sleep(1000);
  await streams.B.close();
  await B.close();
  await waitFor(
    () => assignments.A && assignments.A.length === 4,
    30000,
    () => `A to own all 4 partitions after B left (A=${json(assignments.A)})`,
  );
  const phase2 = [];
  for (let p = 0; p < 4; p++) for (let i = 0; i < 3; i++) phase2.push({ topic, partition: p, value: `p2-${p}-${i}` });
  await producer.send({ messages: phase2 });
  await waitFor(() => received.A.filter((m) => m.v.startsWith('p2-')).length >= 12, 20000, 'A to receive all 12 phase-2 messages');
  await sleep(1500);
  const values = [...received.A, ...received.B].map((m) => m.v);
  const dupP1 = values.filter((v) => v.startsWith('p1-')).length - 20;
  assert(dupP1 === 0, `no phase-1 re-delivery after rebalance (commits honoured), got ${dupP1} duplicates`);

  const end = await endOffsets(topic, 4);
  const [committed] = await admin.listConsumerGroupOffsets({ groups: [{ groupId, topics: [{ name: topic, partitionIndexes: [0, 1, 2, 3] }] }] });
  const comm = Object.fromEntries(committed.topics[0].partitions.map((p) => [p.partitionIndex, Number(p.committedOffset)]));
  assert(
    [0, 1, 2, 3].every((p) => comm[p] === end[p]),
    `committed offsets == end offsets (committed=${json(comm)} end=${json(end)})`,
  );
  const described = await admin.describeGroups({ groups: [groupId] });
  const g = described.get(groupId);
  const members = [...g.members.values()];
  const owned = members[0]?.assignments ? [...members[0].assignments.values()].flatMap((a) => a.partitions) : [];
  assert(g.state === 'STABLE' || g.state === 'Stable', `describeGroups: Stable (got ${g.state})`);
  assert(g.protocolType === 'consumer' && members.length === 1, `describeGroups: consumer, 1 member (got type=${g.protocolType} members=${members.length})`);
  assert(owned.length === 4, `describeGroups: the member's assignment decodes to 4 partitions (got ${json(owned)})`);
  const listed = await admin.listGroups();
  assert(hasGroup(listed, groupId), 'listGroups includes the group');

  // The group empty: move its offsets back (KafkaAdmin.resetGroupOffsets), read them back.
  await streams.A.close();
  await A.close();
  await admin.alterConsumerGroupOffsets({ groupId, topics: [{ name: topic, partitionOffsets: [0, 1, 2, 3].map((partition) => ({ partition, offset: 2n })) }] });
  const [moved] = await admin.listConsumerGroupOffsets({ groups: [groupId] });
  const movedOffsets = moved.topics.find((x) => x.name === topic).partitions.map((p) => Number(p.committedOffset));
  assert(movedOffsets.length === 4 && movedOffsets.every((o) => o === 2), `alterConsumerGroupOffsets moved every partition to 2 (got ${json(movedOffsets)})`);

  // Reading from given offsets (TopicTailReader): the last message of each partition.
  const tailGroup = `probe-pk-tail-${RUN}`;
  const tail = consumer(tailGroup);
  const tailValues = [];
  const tailStream = await tail.consume({
    topics: [topic],
    mode: MessagesStreamModes.MANUAL,
    offsets: [0, 1, 2, 3].map((partition) => ({ topic, partition, offset: BigInt(end[partition] - 1) })),
    autocommit: false,
  });
  tailStream.on('data', (m) => tailValues.push(m.value));
  await waitFor(
    () => tailValues.length >= 4,
    20000,
    () => `the 4 last messages (got ${json(tailValues)})`,
  );
  await sleep(500);
  assert(json([...tailValues].sort()) === json(['p2-0-2', 'p2-1-2', 'p2-2-2', 'p2-3-2']), `read from given offsets: ${json(tailValues)}`);
  await tailStream.close();
  await tail.close();

  // By time (KafkaAdmin.topicOffsetsAt): a time after everything is the end.
  const atFuture = await endOffsets(topic, 4, BigInt(Date.now() + 3600_000));
  assert(
    Object.values(atFuture).every((o) => o === -1 || o >= 0),
    `listOffsets by time answers (got ${json(atFuture)})`,
  );
  const atPast = await endOffsets(topic, 4, BigInt(Date.now() - 3600_000));
  assert(
    Object.values(atPast).every((o) => o === 0),
    `listOffsets an hour back is the start (got ${json(atPast)})`,
  );

  await admin.deleteGroups({ groups: [groupId, tailGroup] });
  const after = await admin.listGroups();
  assert(!hasGroup(after, groupId), 'deleteGroups removed the group');
  await producer.close();
  return `split A=${json(splitA)} B=${json(splitB)}, rebalance -> A owns 4, committed=${json(comm)}, group ${g.state}/${g.protocol}, offsets moved, tail read, groups deleted`;
}

async function checkIdempotent() {
  const topic1 = t('idem1');
  const topic2 = t('idem2');
  const keyed = t('keyed');
  await createTopic(topic1, 2);
  await createTopic(topic2, 1);
  await createTopic(keyed, 6);
  const producer = new Producer({
    ...base,
    serializers,
    idempotent: true,
    acks: ProduceAcks.ALL,
    partitioner: compatibilityPartitioner,
    autocreateTopics: false,
  });
  toClose.push(producer);
  const res = await producer.send({
    acks: ProduceAcks.ALL,
    compression: 'gzip',
    messages: [
      ...Array.from({ length: 10 }, (_, i) => ({ topic: topic1, key: `k${i}`, value: `a-${i}`, headers: new Map([['x-id', `id-${i}`]]) })),
      ...Array.from({ length: 5 }, (_, i) => ({ topic: topic2, value: `b-${i}` })),
    ],
  });
  assert(res.offsets && res.offsets.length > 0, `send answered offsets: ${json(res)}`);
  await producer.send({
    acks: ProduceAcks.ALL,
    messages: [
      { topic: topic2, value: 'b-5' },
      { topic: topic2, value: 'b-6' },
    ],
  });
  const e1 = await endOffsets(topic1, 2);
  const e2 = await endOffsets(topic2, 1);
  assert(e1[0] + e1[1] === 10, `10 records in ${topic1} (got ${json(e1)})`);
  assert(e2[0] === 7, `7 records in ${topic2} (got ${json(e2)})`);
  const v2 = await drain(topic2, 7);
  assert(json(v2.map((m) => m.v)) === json(['b-0', 'b-1', 'b-2', 'b-3', 'b-4', 'b-5', 'b-6']), `order & no dups: ${json(v2.map((m) => m.v))}`);
  const v1 = await drain(topic1, 10);
  assert(
    v1.every((m) => m.h.get('x-id') === `id-${m.v.slice(2)}`),
    `string headers round-trip: ${json(v1.slice(0, 2).map((m) => [...m.h]))}`,
  );

  // Keys land where kafkajs's default partitioner (Java's murmur2) puts them.
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const { Partitioners } = require('kafkajs');
  const kafkajsPartition = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: 6 }, (_, i) => ({ partitionId: i, leader: 1 }));
  const keys = Array.from({ length: 60 }, (_, i) => `story-${i}-${RUN}`);
  await producer.send({ acks: ProduceAcks.ALL, messages: keys.map((key) => ({ topic: keyed, key, value: key })) });
  const got = await drain(keyed, keys.length);
  const wrong = got.filter((m) => kafkajsPartition({ topic: keyed, partitionMetadata, message: { key: m.k, value: m.v } }) !== m.p);
  assert(wrong.length === 0, `${wrong.length} of ${got.length} keys on another partition than kafkajs's`);
  await producer.close();
  return `send to 2 topics ok, ${json(e1)} / ${json(e2)}, in order without duplicates, headers ok, ${keys.length} keys on kafkajs's partitions`;
}

async function checkHeartbeats() {
  const topic = t('slow');
  const groupId = `probe-pk-slow-${RUN}`;
  await createTopic(topic, 1);
  const sessionTimeout = 6000;
  const c = consumer(groupId, { sessionTimeout, heartbeatInterval: 1000, rebalanceTimeout: 10000 });
  let joins = 0;
  let heartbeats = 0;
  c.on('consumer:group:join', () => joins++);
  c.on('consumer:heartbeat:end', () => heartbeats++);
  const seen = [];
  const stream = await c.consume({ topics: [topic], mode: MessagesStreamModes.COMMITTED, fallbackMode: MessagesStreamModes.EARLIEST, autocommit: false });
  let slowDone = false;
  stream.on('data', async (m) => {
    seen.push(m.value);
    if (m.value === 'slow') {
      stream.pause(); // the handler holds the partition, as ConsumerRunner does
      await sleep(sessionTimeout * 2.5);
      await m.commit();
      slowDone = true;
      stream.resume();
    } else {
      await m.commit();
    }
  });
  await waitFor(() => joins >= 1, 20000, 'the consumer to join');
  const producer = new Producer({ ...base, serializers });
  toClose.push(producer);
  await producer.send({
    messages: [
      { topic, value: 'slow' },
      { topic, value: 'after' },
    ],
  });
  await waitFor(() => slowDone, sessionTimeout * 4, 'the slow handler');
  await waitFor(() => seen.includes('after'), 10000, 'the next message');
  await sleep(1000);
  const g = (await admin.describeGroups({ groups: [groupId] })).get(groupId);
  assert(joins === 1, `no rejoin while the handler took ${sessionTimeout * 2.5} ms (joins=${joins})`);
  assert(json(seen) === json(['slow', 'after']), `nothing re-delivered (seen ${json(seen)})`);
  assert(g.members.size === 1, `still one member (got ${g.members.size}, state ${g.state})`);
  await stream.close();
  await c.close();
  await producer.close();
  return `handler took ${sessionTimeout * 2.5} ms with sessionTimeout ${sessionTimeout}: ${heartbeats} heartbeats, 1 join, no re-delivery`;
}

async function checkTransactions() {
  const output = t('tx-out');
  await createTopic(output, 2);
  const producer = new Producer({ ...base, serializers, idempotent: true, transactionalId: `probe-pk-tx-${RUN}` });
  toClose.push(producer);
  let tx = await producer.beginTransaction();
  await tx.send({
    messages: [
      { topic: output, value: 'c-1' },
      { topic: output, value: 'c-2' },
      { topic: output, partition: 1, value: 'c-3' },
    ],
  });
  await tx.commit();
  tx = await producer.beginTransaction();
  await tx.send({
    messages: [
      { topic: output, value: 'x-1' },
      { topic: output, partition: 1, value: 'x-2' },
    ],
  });
  await tx.abort();
  tx = await producer.beginTransaction();
  await tx.send({ messages: [{ topic: output, value: 'c-4' }] });
  await tx.commit();
  await producer.close();
  const committed = (await drain(output, 4, FetchIsolationLevels.READ_COMMITTED)).map((m) => m.v);
  assert(json([...committed].sort()) === json(['c-1', 'c-2', 'c-3', 'c-4']), `read_committed sees only c-1..c-4 (got ${json(committed)})`);
  const uncommitted = (await drain(output, 6, FetchIsolationLevels.READ_UNCOMMITTED)).map((m) => m.v);
  assert(uncommitted.includes('x-1') && uncommitted.includes('x-2'), `read_uncommitted sees the aborted records (got ${json(uncommitted)})`);
  return `read_committed=${json(committed)}, read_uncommitted had ${uncommitted.length} records`;
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
  console.log(`platformatic-compat: @platformatic/kafka ${version}, node ${process.version}, brokers ${brokers.join(',')}`);
  try {
    await withTimeout(admin.metadata({ topics: [] }), 15000, 'admin connect');
  } catch (e) {
    console.log(`FAIL connect: ${errText(e)}`);
    console.log(`0 passed, ${checks.length} failed`);
    process.exit(1);
  }
  for (const [name, fn] of checks) {
    const t0 = Date.now();
    try {
      const detail = await withTimeout(fn(), TIMEOUT, name);
      results[name] = { ok: true, ms: Date.now() - t0, detail };
      console.log(`PASS ${name} (${Date.now() - t0} ms): ${detail}`);
    } catch (e) {
      results[name] = { ok: false, ms: Date.now() - t0, error: errText(e) };
      console.log(`FAIL ${name} (${Date.now() - t0} ms): ${errText(e)}`);
    }
    await Promise.allSettled(toClose.splice(0).map((c) => c.close(true)));
  }
  if (createdTopics.length) await admin.deleteTopics({ topics: createdTopics }).catch((e) => console.log(`note: deleteTopics failed: ${errText(e)}`));
  await admin.close().catch(() => {});
  const passed = Object.values(results).filter((r) => r.ok).length;
  const failed = checks.length - passed;
  console.log(
    `SUMMARY ${JSON.stringify({ platformatic: version, brokers, ms: Date.now() - started, results: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.ok ? 'pass' : `fail: ${v.error}`])) })}`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})().catch((e) => {
  console.error(errText(e));
  process.exit(2);
});
