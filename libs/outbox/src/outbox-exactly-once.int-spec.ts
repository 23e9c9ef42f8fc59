import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Header } from '@copydesk/contracts';
import { KafkaConnection, KafkaPublisher, OutgoingMessage, TopicTailReader } from '@copydesk/kafka';
import { createTopics, TopicReader } from '@copydesk/kafka/testing';
import { OutboxRelay } from './outbox-relay';
import { DeliveredLookup, SqlOutboxStore } from './sql-outbox.store';

jest.setTimeout(120_000);

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/copydesk';
const kafka = new KafkaConnection({ brokers, clientId: 'outbox-exactly-once-int-spec' });

/** The real topic-tail lookup, counting how often the relay needed it. */
class CountingLookup implements DeliveredLookup {
  calls = 0;
  constructor(private readonly inner: DeliveredLookup) {}
  find(topic: string, header: string, values: ReadonlySet<string>, depth: number): Promise<Set<string>> {
    this.calls++;
    return this.inner.find(topic, header, values, depth);
  }
}

// Both services' outboxes, as their migrations make them: the same behaviour for each.
describe.each(['dedupe', 'publish'])('the %s outbox after a crash between the broker acknowledgement and the delete', (service) => {
  const schema = `${service}_outbox_it`;
  const ds = new DataSource({ type: 'postgres', url: databaseUrl });
  const tail = new TopicTailReader(kafka);
  let publisher: KafkaPublisher;
  let topic: string;

  beforeAll(async () => {
    await ds.initialize();
    await ds.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await ds.query(`CREATE SCHEMA ${schema}`);
    await ds.query(`CREATE TABLE ${schema}.outbox (LIKE ${service}.outbox INCLUDING ALL)`);
    topic = `it.${service}-outbox.${randomUUID()}`;
    await createTopics(kafka, [{ name: topic, partitions: 3, config: {} }]);
    publisher = new KafkaPublisher(kafka);
    await publisher.connect();
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await tail.close();
    await ds.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await ds.destroy();
  });

  const message = (n: number): OutgoingMessage => ({ topic, key: `story-${n}`, value: JSON.stringify({ n }), headers: { [Header.StoryId]: `story-${n}` } });

  async function onTopic(count: number): Promise<string[]> {
    const reader = await new TopicReader(kafka, topic).start();
    try {
      await reader.waitFor(() => true, count);
      await new Promise((r) => setTimeout(r, 500)); // anything extra would show up by now
      return reader.messages.map((m) => m.key ?? '').sort();
    } finally {
      await reader.stop();
    }
  }

  it('sends only what did not reach the topic, so every message is there once', async () => {
    const lookup = new CountingLookup(tail);
    const first = new SqlOutboxStore(ds, schema, lookup);
    await ds.transaction((m) => first.enqueue(m, [1, 2, 3, 4, 5, 6].map(message)));

    // A relay takes four records and dies after the broker acknowledged three of them.
    const batch = await first.nextBatch(4);
    expect(batch.map((r) => r.message.key)).toEqual(['story-1', 'story-2', 'story-3', 'story-4']);
    expect(lookup.calls).toBe(0);
    await publisher.publish(batch.slice(0, 3).map((r) => r.message));

    // The relay of the restarted service finds them marked attempted and asks the topic.
    const relay = new OutboxRelay(new SqlOutboxStore(ds, schema, lookup), publisher, { pollIntervalMs: 100_000 });
    await relay.start();
    await relay.drainAndStop();
    expect(lookup.calls).toBe(1);
    expect(await first.pending()).toBe(0);
    expect(await onTopic(6)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `story-${n}`));

    // Nothing attempted is left, so the next pass needs no look at the topic.
    expect(await first.nextBatch(10)).toEqual([]);
    expect(lookup.calls).toBe(1);
  });

  it('resends everything when nothing of an attempted batch reached the topic', async () => {
    const lookup = new CountingLookup(tail);
    const s = new SqlOutboxStore(ds, schema, lookup);
    await ds.transaction((m) => s.enqueue(m, [7, 8].map(message)));
    const lost = await s.nextBatch(10);
    expect(lost).toHaveLength(2);
    const again = await s.nextBatch(10);
    expect(again.map((r) => r.message.key)).toEqual(['story-7', 'story-8']);
    expect(again.map((r) => r.message.headers?.[Header.OutboxId])).toEqual(lost.map((r) => r.message.headers?.[Header.OutboxId]));
    expect(lookup.calls).toBe(1);
    await publisher.publish(again.map((r) => r.message));
    await s.markSent(again.map((r) => r.id));
    expect(await s.pending()).toBe(0);
  });
});
