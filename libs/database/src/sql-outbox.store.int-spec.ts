import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { brokerList, CommonConfig, loadConfig } from '@copydesk/config';
import { createKafkaClient, ensureTopics, KafkaPublisher, OutboxRelay, TopicReader } from '@copydesk/kafka';
import { ensureDatabase, ensureSchema } from './ensure-database';
import { SqlOutboxStore } from './sql-outbox.store';

jest.setTimeout(120_000);

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/copydesk';
const brokers = brokerList(loadConfig(CommonConfig));
const schema = `outbox_it_${randomUUID().slice(0, 8)}`;

describe('SqlOutboxStore and OutboxRelay on the real database and broker', () => {
  const kafka = createKafkaClient({ brokers, clientId: 'outbox-int-spec' });
  const topic = `it.outbox.${randomUUID()}`;
  let ds: DataSource;
  let publisher: KafkaPublisher;
  let reader: TopicReader;

  beforeAll(async () => {
    await ensureDatabase(url);
    await ensureSchema(url, schema);
    ds = new DataSource({ type: 'postgres', url });
    await ds.initialize();
    await ds.query(`CREATE TABLE ${schema}.outbox (id bigserial PRIMARY KEY, topic text NOT NULL, key text NULL, value bytea NULL, headers jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await ensureTopics(kafka, [{ name: topic, partitions: 1, config: {} }]);
    publisher = new KafkaPublisher(kafka);
    await publisher.connect();
    reader = await new TopicReader(kafka, topic).start();
  });

  afterAll(async () => {
    await reader?.stop();
    await publisher?.disconnect();
    await ds?.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds?.destroy();
  });

  it('sends what committed transactions wrote, in order, once, and nothing of a rolled-back one', async () => {
    const store = new SqlOutboxStore(ds, schema);
    await ds.transaction((m) => store.enqueue(m, [{ topic, key: 'a', value: Buffer.from('one'), headers: { h: '1' } }]));
    await expect(
      ds.transaction(async (m) => {
        await store.enqueue(m, [{ topic, key: 'x', value: Buffer.from('rolled back') }]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await ds.transaction((m) =>
      store.enqueue(m, [
        { topic, key: 'b', value: Buffer.from('two') },
        { topic, key: 'c', value: Buffer.from('three') },
      ]),
    );

    const relay = new OutboxRelay(store, publisher, { pollIntervalMs: 100_000 });
    relay.start();
    await relay.kick();
    await relay.stop();

    const got = await reader.waitFor(() => true, 3);
    expect(got.map((m) => [m.key, m.value?.toString()])).toEqual([
      ['a', 'one'],
      ['b', 'two'],
      ['c', 'three'],
    ]);
    expect(got[0].headers).toEqual({ h: '1' });
    expect(await store.pending()).toBe(0);
  });

  it('lets one relay at a time hold the outbox', async () => {
    const store = new SqlOutboxStore(ds, schema);
    const order: string[] = [];
    let release: () => void = () => undefined;
    const held = store.withRelayLock(async () => {
      order.push('first in');
      await new Promise<void>((r) => (release = r));
    });
    while (order.length === 0) await new Promise((r) => setTimeout(r, 10));
    const second = await store.withRelayLock(async () => {
      order.push('second in');
    });
    release();
    expect(await held).toBe(true);
    expect(second).toBe(false);
    expect(order).toEqual(['first in']);
  });
});
