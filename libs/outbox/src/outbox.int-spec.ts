import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Header } from '@copydesk/contracts';
import { ensureDatabase, ensureSchema } from '@copydesk/database';
import { KafkaConnection, KafkaPublisher, TopicTailReader } from '@copydesk/kafka';
import { createTopics, TopicReader } from '@copydesk/kafka/testing';
import { OutboxRelay } from './outbox-relay';
import { SqlOutboxStore } from './sql-outbox.store';

jest.setTimeout(120_000);

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/copydesk';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const schema = `outbox_it_${randomUUID().slice(0, 8)}`;

describe('SqlOutboxStore and OutboxRelay on the real database and broker', () => {
  const kafka = new KafkaConnection({ brokers, clientId: 'outbox-int-spec' });
  const tail = new TopicTailReader(kafka);
  const topic = `it.outbox.${randomUUID()}`;
  let ds: DataSource;
  let publisher: KafkaPublisher;
  let reader: TopicReader;

  beforeAll(async () => {
    await ensureDatabase(url);
    await ensureSchema(url, schema);
    ds = new DataSource({ type: 'postgres', url });
    await ds.initialize();
    await ds.query(`CREATE TABLE ${schema}.outbox (LIKE dedupe.outbox INCLUDING ALL)`);
    await createTopics(kafka, [{ name: topic, partitions: 1, config: {} }]);
    publisher = new KafkaPublisher(kafka);
    await publisher.connect();
    reader = await new TopicReader(kafka, topic).start();
  });

  afterAll(async () => {
    await reader?.stop();
    await publisher?.disconnect();
    await tail.close();
    await ds?.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds?.destroy();
  });

  it('sends what committed transactions wrote, in order, once, and nothing of a rolled-back one', async () => {
    const store = new SqlOutboxStore(ds, schema, tail);
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
    await relay.start();
    await relay.drainAndStop();

    const got = await reader.waitFor(() => true, 3);
    expect(got.map((m) => [m.key, m.value?.toString()])).toEqual([
      ['a', 'one'],
      ['b', 'two'],
      ['c', 'three'],
    ]);
    expect(got[0].headers).toEqual({ h: '1', [Header.OutboxId]: expect.stringMatching(new RegExp(`^${schema}:\\d+$`)) });
    expect(new Set(got.map((m) => m.headers[Header.OutboxId])).size).toBe(3);
    expect(await store.pending()).toBe(0);
  });

  it('is woken by the commit of a writer elsewhere (NOTIFY), not by its poll', async () => {
    const store = new SqlOutboxStore(ds, schema, tail);
    // The poll would take an hour: only the notification can deliver the record in time.
    const relay = new OutboxRelay(store, publisher, { pollIntervalMs: 3_600_000 });
    await relay.start();
    try {
      await new Promise((r) => setTimeout(r, 200)); // the start-up pass has found nothing
      const writer = new DataSource({ type: 'postgres', url });
      await writer.initialize();
      try {
        await writer.transaction((m) => new SqlOutboxStore(writer, schema, tail).enqueue(m, [{ topic, key: 'woken', value: Buffer.from('by notify') }]));
      } finally {
        await writer.destroy();
      }
      const [got] = await reader.waitFor((m) => m.key === 'woken', 1, 20_000);
      expect(got.value?.toString()).toBe('by notify');
      expect(await store.pending()).toBe(0);
    } finally {
      await relay.drainAndStop();
    }
  });

  it('lets one relay at a time hold the outbox', async () => {
    const store = new SqlOutboxStore(ds, schema, tail);
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

  it('fences a relay whose session died: it cannot mark records sent once another instance holds the lock', async () => {
    const first = new SqlOutboxStore(ds, schema, tail);
    const second = new SqlOutboxStore(ds, schema, tail);
    await ds.transaction((m) => first.enqueue(m, [{ topic, key: 'fenced', value: Buffer.from('fenced') }]));
    let takenOver: boolean | undefined;
    const firstPass = first.withRelayLock(async (session) => {
      const batch = await session.nextBatch(10);
      // The database drops the lock holder's session (a restart, a failover)...
      const advisoryLocks = `FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
      await ds.query(`SELECT pg_terminate_backend(pid) ${advisoryLocks}`);
      // The lock goes when the session's backend has exited, a moment after it was told to.
      while (((await ds.query(`SELECT count(*)::int AS n ${advisoryLocks}`)) as { n: number }[])[0].n > 0) await new Promise((r) => setTimeout(r, 10));
      // ...another instance takes the outbox over and relays...
      takenOver = await second.withRelayLock(async () => undefined);
      // ...and what the first one still does on its own must not count.
      await session.markSent(batch.map((r) => r.id));
    });
    await expect(firstPass).rejects.toThrow();
    expect(takenOver).toBe(true);
    expect(await first.pending()).toBe(1);
    // The record goes out once, from the instance that holds the outbox now.
    const relay = new OutboxRelay(second, publisher, { pollIntervalMs: 100_000 });
    await relay.start();
    await relay.drainAndStop();
    expect(await second.pending()).toBe(0);
    const [sent] = await reader.waitFor((m) => m.key === 'fenced', 1);
    expect(sent.value?.toString()).toBe('fenced');
  });

  it('refuses to store a message its topic would refuse, as a permanent error of the writer', async () => {
    const store = new SqlOutboxStore(ds, schema, tail);
    const huge = Buffer.alloc(2 * 1024 * 1024, 'x'); // over the 1 MiB a topic outside the contracts takes
    await expect(ds.transaction((m) => store.enqueue(m, [{ topic, key: 'too-big', value: huge }]))).rejects.toMatchObject({
      code: 'MESSAGE_TOO_LARGE',
      permanent: true,
    });
    expect(await store.pending()).toBe(0);
  });

  it('sets aside a record its topic refuses, with the reason, and sends the ones behind it', async () => {
    const store = new SqlOutboxStore(ds, schema, tail);
    // A record stored before the limit was lowered, say: the relay must not wedge on it.
    const huge = Buffer.alloc(2 * 1024 * 1024, 'x');
    await ds.transaction((m) => store.enqueue(m, [{ topic, key: 'before-poison', value: Buffer.from('ok') }]));
    await ds.query(`INSERT INTO ${schema}.outbox (topic, key, value, headers) VALUES ($1, 'poison', $2, '{}')`, [topic, huge]);
    await ds.transaction((m) => store.enqueue(m, [{ topic, key: 'after-poison', value: Buffer.from('ok too') }]));
    const relay = new OutboxRelay(store, publisher, { pollIntervalMs: 100_000 });
    await relay.start();
    await relay.drainAndStop();
    const got = await reader.waitFor((m) => m.key === 'before-poison' || m.key === 'after-poison', 2);
    expect(got.map((m) => m.key)).toEqual(['before-poison', 'after-poison']);
    expect(reader.messages.some((m) => m.key === 'poison')).toBe(false);
    expect(await store.pending()).toBe(0);
    const [aside] = await store.setAsideRecords();
    expect(aside).toMatchObject({ topic, key: 'poison', failure: expect.stringMatching(/^MESSAGE_TOO_LARGE: /) });
  });
});
