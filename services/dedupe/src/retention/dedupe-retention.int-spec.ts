import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { CleanupTask, lockKeyOf, runMigrations } from '@copydesk/database';
import { ShutdownSequence } from '@copydesk/observability';
import { DedupeConfig } from '../config/dedupe.config';
import { createDedupeDataSource, DEDUPE_SCHEMA } from '../database/dedupe-data-source';
import { keyDayOf } from '../stories/batch-rows';
import { DedupeRetention } from './dedupe-retention';
import { decisionsOlderThan, storyKeysOlderThan } from './retention.repository';

jest.setTimeout(60_000);

const config = loadConfig(DedupeConfig, { ...process.env, DEDUPE_RETENTION_BATCH_SIZE: '3' });
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The plan PostgreSQL would use for a clean-up statement, were sequential scans not an option. */
async function planOf(ds: DataSource, task: CleanupTask, now: Date): Promise<string> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query('SET LOCAL enable_seqscan = off');
    const rows = (await runner.query(`EXPLAIN (FORMAT JSON) ${task.statement}`, task.params(3, now))) as { 'QUERY PLAN': unknown }[];
    return JSON.stringify(rows[0]['QUERY PLAN']);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

describe('the dedupe clean-up on the real database', () => {
  let ds: DataSource;
  let retention: DedupeRetention;

  beforeAll(async () => {
    await runMigrations(DEDUPE_SCHEMA, () => createDedupeDataSource(config.DATABASE_URL));
    ds = createDedupeDataSource(config.DATABASE_URL);
    await ds.initialize();
    retention = new DedupeRetention(ds, config, new ShutdownSequence());
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  async function decision(decidedAt: Date): Promise<string> {
    const itemId = `${randomUUID()}:0`;
    await ds.query(
      `INSERT INTO dedupe.decisions (item_id, submission_id, source_id, outcome, story_id, version, evidence, decided_at)
       VALUES ($1, $2, $3, 'duplicate', NULL, NULL, '{}'::jsonb, $4)`,
      [itemId, randomUUID(), randomUUID(), decidedAt],
    );
    return itemId;
  }
  async function keys(storyId: string, seenAt: Date, n: number): Promise<void> {
    await ds.query(`INSERT INTO dedupe.story_keys (day, key, seen_at, story_id) SELECT $4, k, $2, $3 FROM generate_series(1, $1::int) AS k`, [
      n,
      seenAt,
      storyId,
      keyDayOf(seenAt),
    ]);
  }
  const decisionsLeft = async (ids: string[]) =>
    ((await ds.query('SELECT item_id FROM dedupe.decisions WHERE item_id = ANY($1::text[])', [ids])) as { item_id: string }[]).map((r) => r.item_id).sort();
  const keysLeft = async (storyId: string) =>
    ((await ds.query('SELECT seen_at FROM dedupe.story_keys WHERE story_id = $1 ORDER BY seen_at', [storyId])) as { seen_at: Date }[]).map((r) =>
      r.seen_at.toISOString(),
    );

  it('removes decisions older than DEDUPE_DECISION_RETENTION_DAYS and the index keys of days behind the window, in small batches, and keeps the recent ones', async () => {
    const now = new Date();
    const oldDecisions = [];
    for (let i = 0; i < 7; i++) oldDecisions.push(await decision(new Date(now.getTime() - 31 * DAY_MS - i * 1000)));
    const recentDecisions = [await decision(new Date(now.getTime() - 29 * DAY_MS)), await decision(now)];
    const storyId = randomUUID();
    // Keys go a whole day at a time, the days wholly behind the window.
    const outside = new Date(now.getTime() - (config.DEDUPE_WINDOW_HOURS + 48) * HOUR_MS);
    const inside = new Date(now.getTime() - (config.DEDUPE_WINDOW_HOURS - 1) * HOUR_MS);
    await keys(storyId, outside, 8);
    await keys(storyId, inside, 2);
    await keys(storyId, now, 2);

    const result = await retention.cleanup.runOnce(now);
    expect(result).toMatchObject({ ran: true });
    const deleted = (result as { deleted: Record<string, number> }).deleted;
    expect(deleted.decisions).toBeGreaterThanOrEqual(7);
    expect(deleted.story_keys).toBeGreaterThanOrEqual(8);
    expect(await decisionsLeft([...oldDecisions, ...recentDecisions])).toEqual([...recentDecisions].sort());
    expect(await keysLeft(storyId)).toEqual([inside, inside, now, now].map((d) => d.toISOString()));
  });

  it('skips its run while another instance holds the clean-up lock', async () => {
    const now = new Date();
    const old = await decision(new Date(now.getTime() - 40 * DAY_MS));
    const other = new Client({ connectionString: config.DATABASE_URL });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [lockKeyOf('cleanup:dedupe')]);
      expect(await retention.cleanup.runOnce(now)).toEqual({ ran: false });
      expect(await decisionsLeft([old])).toEqual([old]);
    } finally {
      await other.end();
    }
    expect(await retention.cleanup.runOnce(now)).toMatchObject({ ran: true });
    expect(await decisionsLeft([old])).toEqual([]);
  });

  it('finds old decisions and old keys through the indexes that lead with their time, never by a scan of the table', async () => {
    const now = new Date();
    expect(await planOf(ds, decisionsOlderThan(30), now)).toContain('"Index Name":"decisions_decided_at"');
    expect(await planOf(ds, storyKeysOlderThan(72), now)).toContain('"Index Name":"story_keys_day_key"');
  });
});
