import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Header } from '@copydesk/contracts';
import { SqlOutboxStore } from '@copydesk/database';
import { createKafkaClient, ensureTopics, KafkaPublisher, OutgoingMessage, TopicReader } from '@copydesk/kafka';
import { DeliveredEvents } from './delivered-events';
import { KafkaDeliveredEvents } from './kafka-delivered-events';
import { PublishOutboxStore } from './publish-outbox.store';

jest.setTimeout(120_000);

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/copydesk';
const kafka = createKafkaClient({ brokers, clientId: 'publish-outbox-int-spec' });
const SCHEMA = 'publish_outbox_it';

/** The real broker lookup, counting how often the relay needed it. */
class CountingDeliveredEvents implements DeliveredEvents {
  calls = 0;
  constructor(private readonly inner: DeliveredEvents) {}
  find(topic: string, ids: ReadonlySet<string>, depth: number): Promise<Set<string>> {
    this.calls++;
    return this.inner.find(topic, ids, depth);
  }
}

describe('PublishOutboxStore against the real broker and database', () => {
  const ds = new DataSource({ type: 'postgres', url: databaseUrl });
  let publisher: KafkaPublisher;
  let topic: string;

  beforeAll(async () => {
    await ds.initialize();
    await ds.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await ds.query(`CREATE SCHEMA ${SCHEMA}`);
    await ds.query(`CREATE TABLE ${SCHEMA}.outbox (LIKE publish.outbox INCLUDING ALL)`);
    topic = `it.publish-outbox.${randomUUID()}`;
    await ensureTopics(kafka, [{ name: topic, partitions: 3, config: {} }]);
    publisher = new KafkaPublisher(kafka);
    await publisher.connect();
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await ds.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await ds.destroy();
  });

  const event = (n: number): OutgoingMessage => ({
    topic,
    key: `story-${n}`,
    value: JSON.stringify({ n }),
    headers: { [Header.CeId]: `story-${n}:1`, [Header.CeType]: 'story.created' },
  });

  function store(delivered: DeliveredEvents): PublishOutboxStore {
    return new PublishOutboxStore(ds, new SqlOutboxStore(ds, SCHEMA), delivered, SCHEMA);
  }

  it('after a send that stopped part-way, sends only what did not reach the topic, so every event is there once', async () => {
    const delivered = new CountingDeliveredEvents(new KafkaDeliveredEvents(kafka));
    const first = store(delivered);
    await ds.transaction((m) => first.enqueue(m, [1, 2, 3, 4, 5, 6].map(event)));

    // A relay takes four records and dies after the broker acknowledged three of them.
    const batch = await first.nextBatch(4);
    expect(batch.map((r) => r.message.headers?.[Header.CeId])).toEqual(['story-1:1', 'story-2:1', 'story-3:1', 'story-4:1']);
    expect(delivered.calls).toBe(0);
    await publisher.publish(batch.slice(0, 3).map((r) => r.message));

    // The next relay (after the restart) finds them marked attempted and asks the topic.
    const second = store(delivered);
    const resumed = await second.nextBatch(10);
    expect(delivered.calls).toBe(1);
    expect(resumed.map((r) => r.message.headers?.[Header.CeId])).toEqual(['story-4:1', 'story-5:1', 'story-6:1']);
    await publisher.publish(resumed.map((r) => r.message));
    await second.markSent(resumed.map((r) => r.id));

    expect(await second.nextBatch(10)).toEqual([]);
    expect(delivered.calls).toBe(1);
    const reader = await new TopicReader(kafka, topic).start();
    try {
      const seen = await reader.waitFor(() => true, 6);
      expect(seen.map((m) => m.headers[Header.CeId]).sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `story-${n}:1`));
    } finally {
      await reader.stop();
    }
  });

  it('resends everything when nothing of an attempted batch reached the topic', async () => {
    const delivered = new CountingDeliveredEvents(new KafkaDeliveredEvents(kafka));
    const s = store(delivered);
    await ds.transaction((m) => s.enqueue(m, [7, 8].map(event)));
    const lost = await s.nextBatch(10);
    expect(lost).toHaveLength(2);
    const again = await s.nextBatch(10);
    expect(again.map((r) => r.message.headers?.[Header.CeId])).toEqual(['story-7:1', 'story-8:1']);
    expect(delivered.calls).toBe(1);
    await s.markSent(again.map((r) => r.id));
  });
});
