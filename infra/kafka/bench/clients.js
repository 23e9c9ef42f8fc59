'use strict';
/*
 * The two Kafka clients behind one small interface, used the way libs/kafka uses kafkajs:
 *   producer  idempotent, acks = all, one request in flight; calls that arrive while a request
 *             is in flight are gathered into the next one (as KafkaPublisher does)
 *   relay     a consumer group, messages handed one at a time in order per partition, two
 *             partitions at once, offsets committed only after the handler finished: every
 *             2 s or every 200 messages (as ConsumerRunner does)
 *   admin     create and delete topics
 * Only the Kafka benchmarks and probes in infra/kafka load this file.
 */

const CLIENTS = ['kafkajs', 'platformatic'];

/** Gathers concurrent sends while one is in flight (@copydesk/batching's CoalescingWriter, in small). */
function coalescing(write, maxRows = 500) {
  let queue = [];
  let writing = false;
  async function drain() {
    if (writing) return;
    writing = true;
    try {
      while (queue.length > 0) {
        const batch = [];
        let rows = 0;
        while (queue.length > 0 && (batch.length === 0 || rows + queue[0].rows.length <= maxRows)) {
          const next = queue.shift();
          rows += next.rows.length;
          batch.push(next);
        }
        try {
          await write(batch.flatMap((p) => p.rows));
          for (const p of batch) p.resolve();
        } catch (e) {
          for (const p of batch) p.reject(e);
        }
      }
    } finally {
      writing = false;
    }
  }
  return (rows) =>
    new Promise((resolve, reject) => {
      queue.push({ rows, resolve, reject });
      void drain();
    });
}

/** At most `n` handlers at once; messages of one partition stay in order. */
function partitionLanes(n, handle) {
  let active = 0;
  let queued = 0;
  const waiting = [];
  const lanes = new Map();
  const acquire = () => (active < n ? (active++, Promise.resolve()) : new Promise((r) => waiting.push(r)));
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    push(partition, message) {
      queued++;
      const prev = lanes.get(partition) ?? Promise.resolve();
      const done = prev.then(async () => {
        await acquire();
        try {
          await handle(message);
        } finally {
          release();
          queued--;
        }
      });
      lanes.set(partition, done);
      return done;
    },
    /** Messages pushed whose handler has not finished. */
    pending: () => queued,
  };
}

// ------------------------------------------------------------------ kafkajs

function kafkajsClient(brokers, clientId) {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const { Kafka, logLevel, Partitioners, CompressionTypes } = require('kafkajs');
  const kafka = new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    logLevel: logLevel.ERROR,
    retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 8 },
  });
  return {
    name: 'kafkajs',
    version: require('kafkajs/package.json').version,
    async createTopics(topics, partitions) {
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })) });
      await admin.disconnect();
    },
    async deleteTopics(topics) {
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics }).catch(() => {});
      await admin.disconnect();
    },
    async producer() {
      const producer = kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      const send = coalescing(async (messages) => {
        const byTopic = new Map();
        for (const m of messages) {
          const list = byTopic.get(m.topic) ?? [];
          list.push({ key: m.key, value: m.value, headers: m.headers });
          byTopic.set(m.topic, list);
        }
        await producer.sendBatch({
          acks: -1,
          compression: CompressionTypes.None,
          topicMessages: [...byTopic].map(([topic, msgs]) => ({ topic, messages: msgs })),
        });
      });
      return { publish: (messages) => send(messages), close: () => producer.disconnect() };
    },
    /** handle(message) with message = { topic, partition, offset, key, value, headers } (headers as strings). */
    async relay({ groupId, topic, concurrency = 2, handle }) {
      const consumer = kafka.consumer({
        groupId,
        allowAutoTopicCreation: false,
        sessionTimeout: 10000,
        rebalanceTimeout: 30000,
        heartbeatInterval: 1666,
        maxBytesPerPartition: 4 * 1024 * 1024,
        maxBytes: 64 * 1024 * 1024,
        retry: { retries: 10 },
      });
      let joined;
      const ready = new Promise((r) => (joined = r));
      consumer.on(consumer.events.GROUP_JOIN, () => joined());
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: true,
        autoCommitInterval: 2000,
        autoCommitThreshold: 200,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: concurrency,
        eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
          for (const m of batch.messages) {
            if (!isRunning() || isStale()) break;
            const headers = {};
            for (const [k, v] of Object.entries(m.headers ?? {})) headers[k] = v === undefined ? undefined : v.toString();
            await handle({ topic: batch.topic, partition: batch.partition, offset: m.offset, key: m.key?.toString(), value: m.value, headers });
            resolveOffset(m.offset);
            await commitOffsetsIfNecessary();
            await heartbeat();
          }
        },
      });
      await ready;
      return { close: () => consumer.disconnect() };
    },
  };
}

// ------------------------------------------------------------------ @platformatic/kafka

function platformaticClient(brokers, clientId) {
  const pk = require('@platformatic/kafka');
  const { Admin, Consumer, Producer, ProduceAcks, MessagesStreamModes, stringSerializer, stringDeserializer, compatibilityPartitioner } = pk;
  const base = { clientId, bootstrapBrokers: brokers, connectTimeout: 3000, requestTimeout: 30000, retries: 8, retryDelay: 300 };
  const serializers = { key: stringSerializer, headerKey: stringSerializer, headerValue: stringSerializer };
  const deserializers = { key: stringDeserializer, headerKey: stringDeserializer, headerValue: stringDeserializer };
  return {
    name: 'platformatic',
    version: require('@platformatic/kafka').clientSoftwareVersion,
    async createTopics(topics, partitions) {
      const admin = new Admin(base);
      await admin.createTopics({ topics, partitions, replicas: 1 });
      await admin.close();
    },
    async deleteTopics(topics) {
      const admin = new Admin(base);
      await admin.deleteTopics({ topics }).catch(() => {});
      await admin.close();
    },
    async producer() {
      const producer = new Producer({
        ...base,
        idempotent: true,
        acks: ProduceAcks.ALL,
        autocreateTopics: false,
        partitioner: compatibilityPartitioner,
        serializers,
      });
      const send = coalescing(async (messages) => {
        await producer.send({
          acks: ProduceAcks.ALL,
          messages: messages.map((m) => ({ topic: m.topic, key: m.key, value: m.value, headers: m.headers ? new Map(Object.entries(m.headers)) : undefined })),
        });
      });
      return { publish: (messages) => send(messages), close: () => producer.close() };
    },
    async relay({ groupId, topic, concurrency = 2, handle }) {
      const consumer = new Consumer({
        ...base,
        groupId,
        autocommit: false,
        sessionTimeout: 10000,
        rebalanceTimeout: 30000,
        heartbeatInterval: 1666,
        maxBytes: 4 * 1024 * 1024,
        deserializers,
      });
      let joined;
      const ready = new Promise((r) => (joined = r));
      consumer.on('consumer:group:join', () => joined());
      const stream = await consumer.consume({
        topics: [topic],
        mode: MessagesStreamModes.COMMITTED,
        fallbackMode: MessagesStreamModes.EARLIEST,
        autocommit: false,
      });
      // Commits as ConsumerRunner does: only what a handler finished, every 2 s or every 200 messages.
      const finished = new Map();
      let sinceCommit = 0;
      const commitAll = async () => {
        sinceCommit = 0;
        const last = [...finished.values()];
        finished.clear();
        await Promise.all(last.map((m) => m.commit()));
      };
      const timer = setInterval(() => void commitAll().catch(() => {}), 2000);
      const lanes = partitionLanes(concurrency, async (m) => {
        const headers = {};
        for (const [k, v] of m.headers ?? []) headers[k] = v;
        await handle({ topic: m.topic, partition: m.partition, offset: String(m.offset), key: m.key, value: m.value, headers });
        finished.set(m.partition, m);
        if (++sinceCommit >= 200) await commitAll();
      });
      // The stream fetches ahead; it is paused while many messages wait for a handler.
      stream.on('data', (m) => {
        void lanes.push(m.partition, m).then(() => {
          if (stream.isPaused() && lanes.pending() < 500) stream.resume();
        });
        if (lanes.pending() >= 1000) stream.pause();
      });
      stream.on('error', (e) => console.error(`relay ${groupId}: ${e.message}`));
      await ready;
      return {
        close: async () => {
          clearInterval(timer);
          await commitAll().catch(() => {});
          await stream.close();
          await consumer.close();
        },
      };
    },
  };
}

function makeClient(name, brokers, clientId) {
  if (name === 'kafkajs') return kafkajsClient(brokers, clientId);
  if (name === 'platformatic') return platformaticClient(brokers, clientId);
  throw new Error(`unknown client ${name}: one of ${CLIENTS.join(', ')}`);
}

module.exports = { CLIENTS, makeClient, coalescing, partitionLanes };
