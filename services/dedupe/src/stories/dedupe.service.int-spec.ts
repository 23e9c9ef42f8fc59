import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { Header, NormalisedItemMessage } from '@copydesk/contracts';
import { runMigrations } from '@copydesk/database';
import { KafkaConnection, TopicTailReader } from '@copydesk/kafka';
import { SqlOutboxStore } from '@copydesk/outbox';
import { DedupeConfig } from '../config/dedupe.config';
import { createDedupeDataSource, DEDUPE_SCHEMA } from '../database/dedupe-data-source';
import { DedupeRepository } from './dedupe.repository';
import { DedupeService } from './dedupe.service';

jest.setTimeout(120_000);

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/copydesk';
/** These specs look at what the transaction wrote; sending is the relay's job and has its own specs. */
// The service only writes to its outbox here; no relay runs, so the tail reader never connects.
const tail = new TopicTailReader(new KafkaConnection({ brokers: ['127.0.0.1:9092'], clientId: 'dedupe-outbox-writer' }));

const PARAGRAPHS = [
  'ATHENS: A wildfire fanned by strong winds raced through pine forests north of Athens on Sunday, forcing thousands of residents to flee their homes.',
  'More than 400 firefighters backed by water-dropping aircraft and helicopters battled the blaze, which broke out near the village of Varnavas.',
  'Authorities sent evacuation alerts to residents of at least a dozen settlements, and police closed several roads as smoke blanketed the suburbs.',
];

function message(sourceId: string, n: number, paragraphs = PARAGRAPHS): NormalisedItemMessage {
  const submissionId = randomUUID();
  return {
    itemId: `${submissionId}:0`,
    submissionId,
    sourceId,
    itemIndex: 0,
    itemCount: 1,
    receivedAt: '2025-03-21T10:00:00.000Z',
    capturedAt: '2025-03-21T10:00:00.000Z',
    item: {
      format: 'text-page',
      wire: {},
      headline: 'Wildfire forces thousands to flee homes near Athens',
      summary: [],
      body: paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
      media: [],
      subjects: [],
      language: 'en',
      pubStatus: 'usable',
      signals: [],
      sourceUpdated: { at: new Date(Date.parse('2025-03-21T09:00:00Z') + n * 60_000).toISOString(), precision: 'second' },
      contentHash: String(paragraphs.length).padStart(64, '0'),
    },
  };
}

describe('DedupeService on the real database', () => {
  const instances: { ds: DataSource; service: DedupeService }[] = [];

  beforeAll(async () => {
    await runMigrations(DEDUPE_SCHEMA, () => createDedupeDataSource(url));
    const config = loadConfig(DedupeConfig, { DATABASE_URL: url });
    for (let i = 0; i < 2; i++) {
      const ds = createDedupeDataSource(url);
      await ds.initialize();
      instances.push({ ds, service: new DedupeService(ds, new DedupeRepository(), config, new SqlOutboxStore(ds, DEDUPE_SCHEMA, tail)) });
    }
  });

  afterAll(async () => {
    for (const { ds } of instances) await ds.destroy();
  });

  const count = async (sql: string, params: unknown[]) => ((await instances[0].ds.query(sql, params)) as { n: number }[])[0].n;

  it('decides an item delivered to two instances at once exactly once', async () => {
    const sourceId = randomUUID();
    const msg = message(sourceId, 0);
    const now = new Date('2025-03-21T10:00:00Z');
    const outcomes = await Promise.all(instances.map(({ service }) => service.process(msg, now)));
    expect(outcomes.sort()).toEqual(['already-decided', 'new-story']);
    // A third delivery, after a restart before the commit of the offset.
    expect(await instances[1].service.process(msg, now)).toBe('already-decided');
    expect(await count('SELECT count(*)::int AS n FROM dedupe.decisions WHERE item_id = $1', [msg.itemId])).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM dedupe.story_versions WHERE item_id = $1', [msg.itemId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM dedupe.outbox WHERE headers->>$2 = $1`, [msg.itemId, Header.ItemId])).toBe(1);
  });

  it('serialises one source across instances: an update decided on either joins the story, numbered in turn', async () => {
    const sourceId = randomUUID();
    const now = new Date('2025-03-21T10:00:00Z');
    const first = message(sourceId, 0);
    const second = message(sourceId, 1, [...PARAGRAPHS, 'Officials said the cause of the fire was under investigation and that arson had not been ruled out.']);
    const third = message(sourceId, 2, [...PARAGRAPHS, 'Officials said the cause of the fire was under investigation.', 'Two villages were evacuated by sea.']);
    expect(await instances[0].service.process(first, now)).toBe('new-story');
    const outcomes = await Promise.all([instances[0].service.process(second, now), instances[1].service.process(third, now)]);
    expect(outcomes).toEqual(['new-version', 'new-version']);
    const versions = (await instances[0].ds.query(
      `SELECT v.version, v.is_current FROM dedupe.story_versions v JOIN dedupe.stories s ON s.id = v.story_id WHERE s.source_id = $1 ORDER BY v.version`,
      [sourceId],
    )) as { version: number; is_current: boolean }[];
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(versions.filter((v) => v.is_current)).toHaveLength(1);
    const evidence = (await instances[0].ds.query('SELECT evidence FROM dedupe.decisions WHERE item_id = $1', [second.itemId])) as {
      evidence: { basis: string; scores: object };
    }[];
    expect(evidence[0].evidence).toMatchObject({ basis: 'near-duplicate', scores: { dateline: 'same' } });
  });
});

describe('a story that keeps being re-scraped', () => {
  let ds: DataSource;
  let service: DedupeService;

  beforeAll(async () => {
    await runMigrations(DEDUPE_SCHEMA, () => createDedupeDataSource(url));
    ds = createDedupeDataSource(url);
    await ds.initialize();
    service = new DedupeService(ds, new DedupeRepository(), loadConfig(DedupeConfig, { DATABASE_URL: url }), new SqlOutboxStore(ds, DEDUPE_SCHEMA, tail));
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('stays one story for longer than the window while it is seen every day', async () => {
    const sourceId = randomUUID();
    const day = (n: number) => new Date(Date.parse('2025-03-21T10:00:00Z') + n * 86_400_000);
    expect(await service.process(message(sourceId, 0), day(0))).toBe('new-story');
    for (let n = 1; n <= 6; n++) expect(await service.process(message(sourceId, 0), day(n))).toBe('duplicate');
    const stories = (await ds.query('SELECT count(*)::int AS n FROM dedupe.stories WHERE source_id = $1', [sourceId])) as { n: number }[];
    expect(stories[0].n).toBe(1);
  });
});
