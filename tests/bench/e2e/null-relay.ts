/**
 * One process of the null pipeline: the hops of the services with no work in them. `produce`
 * does what ingest does per request (one awaited publish, many requests at once); `relay`
 * consumes one topic and publishes each message unchanged to the next, with the consumer and
 * publisher settings the stage it stands for runs with (libs/kafka defaults, the services'
 * concurrency and session timeout; in batches, as normalise, dedupe and publish consume), keyed
 * as the stage keys (by source, then by story) and to as many topics (publish
 * writes two). Prints one JSON line when it is done (produce) or consuming (relay).
 *
 *   null-relay.js produce TOPIC COUNT CONCURRENCY SOURCES BYTES
 *   null-relay.js relay FROM TO[,TO...] GROUP one|batch same|story
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Header } from '@copydesk/contracts';
import { untilAvailable } from '@copydesk/observability';
import { ConsumerRunner, InboundMessage, KafkaConnection, KafkaPublisher, OutgoingMessage } from '@copydesk/kafka';
import { brokers } from '../../support/env';
import { benchPage } from './bench-pages';
import { SENT_AT } from './null-hops';

/** What the services run with (libs/config KAFKA_SESSION_TIMEOUT_MS, NORMALISE_/DEDUPE_CONCURRENCY, publish's 2). */
const SESSION_TIMEOUT_MS = 6000;
const CONCURRENCY = 2;
// Only what goes wrong: a relay's work is all in the figures.
Logger.overrideLogger(['warn', 'error']);
// A relay whose bench has gone (killed, crashed) goes too, rather than consume on for nobody.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && process.exit(1), 1000).unref();

async function produce(topic: string, count: number, concurrency: number, sources: number, bytes: number): Promise<void> {
  const publisher = new KafkaPublisher(new KafkaConnection({ brokers: brokers(), clientId: 'null-ingest' }));
  await publisher.connect();
  let text = benchPage(0, 0);
  while (Buffer.byteLength(text) < bytes) text += text;
  const value = Buffer.from(text).subarray(0, bytes);
  const sourceIds = Array.from({ length: sources }, () => randomUUID());
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const source = sourceIds[next++ % sources];
        await publisher.publish({
          topic,
          key: source,
          value,
          headers: { [Header.SubmissionId]: randomUUID(), [Header.SourceId]: source, [SENT_AT]: String(Date.now()) },
        });
      }
    }),
  );
  await publisher.disconnect();
  console.log(JSON.stringify({ done: true }));
}

async function relay(from: string, to: string, groupId: string, mode: string, key: string): Promise<void> {
  const connection = new KafkaConnection({ brokers: brokers(), clientId: `null-${groupId}` });
  const publisher = new KafkaPublisher(connection);
  await publisher.connect();
  const targets = to.split(',');
  // Dedupe keys what it writes by story id, no longer by source: the submission id stands in for a new story's id.
  const keyOf = (m: InboundMessage) => (key === 'story' ? m.headers[Header.SubmissionId] : m.key);
  const forward = (m: InboundMessage): OutgoingMessage[] => targets.map((topic) => ({ topic, key: keyOf(m), value: m.value, headers: m.headers }));
  const runner = new ConsumerRunner(connection, {
    groupId,
    topics: [from],
    stage: groupId,
    handler: (m) => publisher.publish(forward(m)),
    batchHandler: (ms) => publisher.publish(ms.flatMap(forward)),
    batchTopics: mode === 'batch' ? [from] : [],
    deadLetters: publisher,
    partitionsConsumedConcurrently: CONCURRENCY,
    sessionTimeout: SESSION_TIMEOUT_MS,
  });
  // As a service does: a topic just created may not be served yet.
  await untilAvailable('kafka consumer group', () => runner.start());
  console.log(JSON.stringify({ consuming: groupId }));
  process.once('SIGTERM', () => {
    void runner
      .stop()
      .then(() => publisher.disconnect())
      .finally(() => process.exit(0));
  });
}

const [role, ...args] = process.argv.slice(2);
const work =
  role === 'produce'
    ? produce(args[0], Number(args[1]), Number(args[2]), Number(args[3]), Number(args[4]))
    : relay(args[0], args[1], args[2], args[3], args[4]);
work.catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
