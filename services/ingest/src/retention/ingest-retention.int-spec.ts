import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { CleanupTask, lockKeyOf, runMigrations } from '@copydesk/database';
import { ShutdownSequence } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { createIngestDataSource, INGEST_SCHEMA } from '../database/ingest-data-source';
import { SourcesRepository } from '../sources/sources.repository';
import { SourcesService } from '../sources/sources.service';
import { SubmissionsRepository } from '../wire/submissions.repository';
import { IngestRetention } from './ingest-retention';
import { submissionsOlderThan } from './retention.repository';

jest.setTimeout(60_000);

const config = loadConfig(IngestConfig, { ...process.env, INGEST_RETENTION_BATCH_SIZE: '2' });
const DAY_MS = 86_400_000;

/** The plan PostgreSQL would use for a clean-up statement, were sequential scans not an option. */
async function planOf(ds: DataSource, task: CleanupTask, now: Date): Promise<string> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query('SET LOCAL enable_seqscan = off');
    const rows = (await runner.query(`EXPLAIN (FORMAT JSON) ${task.statement}`, task.params(2, now))) as { 'QUERY PLAN': unknown }[];
    return JSON.stringify(rows[0]['QUERY PLAN']);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

describe('the ingest clean-up on the real database', () => {
  let ds: DataSource;
  let retention: IngestRetention;
  let sourceId: string;

  beforeAll(async () => {
    await runMigrations(INGEST_SCHEMA, () => createIngestDataSource(config.DATABASE_URL));
    ds = createIngestDataSource(config.DATABASE_URL);
    await ds.initialize();
    retention = new IngestRetention(ds, config, new ShutdownSequence());
    sourceId = (await new SourcesService(new SourcesRepository(ds)).register(`retention-${randomUUID().slice(0, 8)}`)).id;
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  async function insert(receivedAt: Date, idempotencyKey: string | null, state: 'pending' | 'accepted' = 'accepted'): Promise<string> {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO ingest.submissions (id, source_id, received_at, captured_at, content_type, size, sha256, idempotency_key, state)
       VALUES ($1, $2, $3, $3, 'text/plain', 1, $4, $5, $6)`,
      [id, sourceId, receivedAt, 'a'.repeat(64), idempotencyKey, state],
    );
    return id;
  }
  const remaining = async (ids: string[]) =>
    ((await ds.query('SELECT id FROM ingest.submissions WHERE id = ANY($1::uuid[])', [ids])) as { id: string }[]).map((r) => r.id).sort();

  it('removes submissions and their idempotency keys older than INGEST_RETENTION_DAYS, in small batches, and keeps the recent ones', async () => {
    const now = new Date();
    const oldKey = randomUUID();
    const old = [await insert(new Date(now.getTime() - 8 * DAY_MS), oldKey)];
    for (let i = 0; i < 4; i++)
      old.push(await insert(new Date(now.getTime() - 30 * DAY_MS - i * 1000), i % 2 ? randomUUID() : null, i % 2 ? 'pending' : 'accepted'));
    const recent = [await insert(new Date(now.getTime() - 6 * DAY_MS), randomUUID()), await insert(now, null), await insert(now, randomUUID(), 'pending')];

    const result = await retention.cleanup.runOnce(now);
    expect(result).toMatchObject({ ran: true });
    // Five old rows in batches of two: three DELETEs at least, and every old row of any source gone.
    expect((result as { deleted: Record<string, number> }).deleted.submissions).toBeGreaterThanOrEqual(5);
    expect(await remaining([...old, ...recent])).toEqual([...recent].sort());
    const stillOld = (await ds.query(`SELECT count(*)::int AS n FROM ingest.submissions WHERE received_at < $1`, [new Date(now.getTime() - 7 * DAY_MS)])) as {
      n: number;
    }[];
    expect(stillOld[0].n).toBe(0);

    // The old idempotency key is free again: a request with it is a new submission.
    const reserved = await new SubmissionsRepository(ds).reserve({
      id: randomUUID(),
      sourceId,
      receivedAt: now,
      capturedAt: now,
      contentType: 'text/plain',
      size: 1,
      sha256: 'b'.repeat(64),
      idempotencyKey: oldKey,
      state: 'pending',
      attempt: 1,
      claimedAt: now,
    });
    expect(reserved).toEqual({ reserved: true });
  });

  it('skips its run while another instance holds the clean-up lock', async () => {
    const now = new Date();
    const old = await insert(new Date(now.getTime() - 10 * DAY_MS), null);
    const other = new Client({ connectionString: config.DATABASE_URL });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [lockKeyOf('cleanup:ingest')]);
      expect(await retention.cleanup.runOnce(now)).toEqual({ ran: false });
      expect(await remaining([old])).toEqual([old]);
    } finally {
      await other.end();
    }
    expect(await retention.cleanup.runOnce(now)).toMatchObject({ ran: true });
    expect(await remaining([old])).toEqual([]);
  });

  it('finds old submissions through the received_at index, never by a scan of the table', async () => {
    const plan = await planOf(ds, submissionsOlderThan(7), new Date());
    expect(plan).toContain('"Index Name":"submissions_received_at"');
    expect(plan).not.toContain('"Node Type":"Seq Scan"');
  });
});
