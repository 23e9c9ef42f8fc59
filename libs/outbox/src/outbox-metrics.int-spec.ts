import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ensureDatabase } from '@copydesk/database';
import { KafkaConnection, TopicTailReader } from '@copydesk/kafka';
import { metricsExposition } from '@copydesk/observability';
import { watchOutbox } from './outbox-metrics';
import { SqlOutboxStore } from './sql-outbox.store';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/copydesk';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const schema = `outbox_metrics_it_${randomUUID().slice(0, 8)}`;

describe('the outbox metrics, read from the real database at scrape time', () => {
  const tail = new TopicTailReader(new KafkaConnection({ brokers, clientId: 'outbox-metrics-int-spec' }));
  let ds: DataSource;
  let store: SqlOutboxStore;

  beforeAll(async () => {
    await ensureDatabase(url);
    ds = new DataSource({ type: 'postgres', url });
    await ds.initialize();
    await ds.query(`CREATE SCHEMA ${schema}`);
    await ds.query(`CREATE TABLE ${schema}.outbox (LIKE dedupe.outbox INCLUDING ALL)`);
    store = new SqlOutboxStore(ds, schema, tail);
  });

  afterAll(async () => {
    await tail.close();
    await ds?.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds?.destroy();
  });

  it('reads an empty outbox as 0 deep and 0 s old', async () => {
    expect(await store.stats()).toEqual({ depth: 0, oldestAgeSeconds: 0 });
  });

  it('counts waiting records, held ones too but not set-aside ones, and ages the oldest due one from when it fell due', async () => {
    const insert = (createdAgo: string, notBefore: string | null, failed = false) =>
      ds.query(
        `INSERT INTO ${schema}.outbox (topic, key, value, headers, created_at, not_before, failed_at, failure)
         VALUES ('t', 'k', NULL, '{}'::jsonb, now() - $1::interval, now() + $2::interval, $3, $4)`,
        [createdAgo, notBefore, failed ? new Date() : null, failed ? 'MESSAGE_TOO_LARGE: refused' : null],
      );
    await insert('10 minutes', null, true); // set aside: neither waiting nor due
    await insert('5 minutes', '1 hour'); // held for another hour: waiting, not due
    await insert('3 minutes', '-90 seconds'); // held, due for 90 s: the oldest due
    await insert('1 minute', null);
    const { depth, oldestAgeSeconds } = await store.stats();
    expect(depth).toBe(3);
    expect(oldestAgeSeconds).toBeGreaterThanOrEqual(90);
    expect(oldestAgeSeconds).toBeLessThan(180);
  });

  it('shows on the exposition while watched, and not once unwatched', async () => {
    const unwatch = watchOutbox(store);
    const watched = (await metricsExposition()).body;
    expect(watched).toContain(`copydesk_outbox_depth{outbox="${schema}"} 3`);
    expect(watched).toMatch(new RegExp(`copydesk_outbox_oldest_age_seconds\\{outbox="${schema}"\\} (9\\d|1[0-7]\\d)(\\.\\d+)?\\n`));
    unwatch();
    expect((await metricsExposition()).body).not.toContain(`outbox="${schema}"`);
  });
});
