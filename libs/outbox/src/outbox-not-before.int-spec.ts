import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { KafkaConnection, KafkaPublisher, TopicTailReader } from '@copydesk/kafka';
import { createTopics, TopicReader } from '@copydesk/kafka/testing';
import { OutboxRelay } from './outbox-relay';
import { OutboxMessage, SqlOutboxStore } from './sql-outbox.store';

jest.setTimeout(120_000);

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/copydesk';
const kafka = new KafkaConnection({ brokers, clientId: 'outbox-not-before-int-spec' });

const HOLD_MS = 3000;

// Both services' outboxes, as their migrations make them.
describe.each(['dedupe', 'publish'])('the %s outbox with held records (not_before)', (service) => {
  const schema = `${service}_outbox_held_it`;
  const ds = new DataSource({ type: 'postgres', url: databaseUrl });
  const tail = new TopicTailReader(kafka);
  let publisher: KafkaPublisher;
  let reader: TopicReader;
  let topic: string;

  beforeAll(async () => {
    await ds.initialize();
    await ds.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await ds.query(`CREATE SCHEMA ${schema}`);
    await ds.query(`CREATE TABLE ${schema}.outbox (LIKE ${service}.outbox INCLUDING ALL)`);
    topic = `it.${service}-outbox-held.${randomUUID()}`;
    await createTopics(kafka, [{ name: topic, partitions: 3, config: {} }]);
    publisher = new KafkaPublisher(kafka);
    await publisher.connect();
    reader = await new TopicReader(kafka, topic).start();
  });

  afterAll(async () => {
    await reader?.stop();
    await publisher?.disconnect();
    await tail.close();
    await ds.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await ds.destroy();
  });

  const arrivals = new Map<string, number>();
  const message = (key: string, value: string, notBefore?: Date): OutboxMessage => ({ topic, key, value, notBefore });

  it('sends due records at once, holds the others and the later records of their key, then sends them by itself when due, across a relay restart', async () => {
    const store = new SqlOutboxStore(ds, schema, tail);
    const dueAt = new Date(Date.now() + HOLD_MS);
    await ds.transaction((m) =>
      store.enqueue(m, [
        message('story-a', 'a1 embargoed', dueAt),
        message('story-b', 'b1'),
        message('story-a', 'a2 behind a1'),
        message('story-c', 'c1 already due', new Date(Date.now() - 60_000)),
        message('story-b', 'b2'),
      ]),
    );
    reader.messages.length = 0;
    const note = () => reader.messages.forEach((m) => arrivals.has(m.value!.toString()) || arrivals.set(m.value!.toString(), Date.now()));
    const track = setInterval(note, 10);

    // The poll would take an hour: only the relay's own wake-up can send the held records in time.
    const first = new OutboxRelay(store, publisher, { pollIntervalMs: 3_600_000 });
    await first.start();
    const now = await reader.waitFor(() => true, 3);
    expect(now.map((m) => m.value!.toString()).sort()).toEqual(['b1', 'b2', 'c1 already due']);
    expect(reader.messages.some((m) => m.key === 'story-a')).toBe(false);
    expect(await store.pending()).toBe(2);
    const dueIn = await store.nextDueInMs();
    expect(dueIn).toBeGreaterThan(0);
    expect(dueIn).toBeLessThanOrEqual(HOLD_MS);

    // The service restarts before the records fall due: the held ones stay in the outbox.
    await first.drainAndStop();
    expect(await store.pending()).toBe(2);
    const second = new OutboxRelay(new SqlOutboxStore(ds, schema, tail), publisher, { pollIntervalMs: 3_600_000 });
    await second.start();
    try {
      const held = await reader.waitFor((m) => m.key === 'story-a', 2);
      note();
      clearInterval(track);
      expect(held.map((m) => m.value!.toString())).toEqual(['a1 embargoed', 'a2 behind a1']);
      expect(Number(held[1].offset)).toBeGreaterThan(Number(held[0].offset));
      expect(arrivals.get('a1 embargoed')).toBeGreaterThanOrEqual(dueAt.getTime());
      expect(await store.pending()).toBe(0);
      expect(await store.nextDueInMs()).toBeNull();
      expect(reader.messages.map((m) => m.value!.toString()).sort()).toEqual(['a1 embargoed', 'a2 behind a1', 'b1', 'b2', 'c1 already due']);
    } finally {
      clearInterval(track);
      await second.drainAndStop();
    }
  });
});
