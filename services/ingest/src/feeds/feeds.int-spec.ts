import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { runMigrations } from '@copydesk/database';
import { ApiError } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { createIngestDataSource, INGEST_SCHEMA } from '../database/ingest-data-source';
import { SourcesRepository } from '../sources/sources.repository';
import { SourcesService } from '../sources/sources.service';
import { FeedsRepository, LeasedFeed, PollOutcome } from './feeds.repository';
import { FeedsService } from './feeds.service';

jest.setTimeout(60_000);

const config = loadConfig(IngestConfig);

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'none';
  } catch (e) {
    return e instanceof ApiError ? e.code : String(e);
  }
}

describe('feeds on the real database', () => {
  let ds: DataSource;
  let repo: FeedsRepository;
  let feeds: FeedsService;
  let source: { id: string; name: string };
  const base = `http://feeds-${randomUUID().slice(0, 8)}.test`;

  beforeAll(async () => {
    await runMigrations(INGEST_SCHEMA, () => createIngestDataSource(config.DATABASE_URL));
    ds = createIngestDataSource(config.DATABASE_URL);
    await ds.initialize();
    repo = new FeedsRepository(ds);
    feeds = new FeedsService(repo, new SourcesRepository(ds));
    source = await new SourcesService(new SourcesRepository(ds)).register(`feeds-${randomUUID().slice(0, 8)}`);
  });

  afterAll(async () => {
    await ds?.query(`DELETE FROM ingest.feeds WHERE source_id = $1`, [source.id]);
    await ds?.destroy();
  });

  it('adds a feed once, due at once, and refuses bad URLs, unknown sources and bad intervals with their codes', async () => {
    const added = await feeds.add(`${base}/a.xml`, source.name, '5m');
    expect(added).toMatchObject({
      url: `${base}/a.xml`,
      sourceId: source.id,
      source: source.name,
      every: '5m',
      status: 'new',
      documentsTaken: 0,
      lastError: null,
    });
    expect(Date.parse(added.nextPollAt)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(
      await Promise.all([
        codeOf(feeds.add(`${base}/a.xml`, source.name)),
        codeOf(feeds.add('ftp://example.com/feed.xml', source.name)),
        codeOf(feeds.add('not a url', source.name)),
        codeOf(feeds.add(`${base}/b.xml`, `nobody-${randomUUID()}`)),
        codeOf(feeds.add(`${base}/b.xml`, source.name, '0s')),
        codeOf(feeds.remove(`${base}/never-added.xml`)),
      ]),
    ).toEqual(['FEED_EXISTS', 'INVALID_FEED_URL', 'INVALID_FEED_URL', 'SOURCE_NOT_FOUND', 'INVALID_INTERVAL', 'FEED_NOT_FOUND']);
    expect(await feeds.remove(added.id)).toEqual({ id: added.id, url: `${base}/a.xml`, removed: true });
    expect((await feeds.list()).some((f) => f.id === added.id)).toBe(false);
  });

  it('leases a due feed to one poller at a time, and again only when it is due again', async () => {
    const urls = Array.from({ length: 6 }, (_, i) => `${base}/lease-${i}.xml`);
    for (const url of urls) await feeds.add(url, source.name, '1h');
    const mine = (leased: LeasedFeed[]) => leased.filter((f) => f.sourceId === source.id);
    // Two instances asking at the same moment share the due feeds out, never both taking one.
    const [a, b] = (await Promise.all([repo.lease(4, 60), repo.lease(4, 60)])).map(mine);
    const ids = [...a, ...b].map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Due feeds of other suites may have taken some of the slots: the rest come with the next leases.
    for (let rest = mine(await repo.lease(100, 60)); rest.length > 0; rest = mine(await repo.lease(100, 60))) ids.push(...rest.map((f) => f.id));
    expect(new Set(ids).size).toBe(6);
    expect(ids.length).toBe(6);

    const outcome: PollOutcome = {
      status: 'taken',
      httpStatus: 200,
      error: null,
      failures: 0,
      delaySeconds: 3600,
      taken: true,
      validators: { etag: '"x"', lastModified: null },
    };
    expect(await repo.record(a[0], outcome)).toBe(true);
    // A lease already given back writes nothing more.
    expect(await repo.record(a[0], outcome)).toBe(false);
    const recorded = (await feeds.list()).find((f) => f.id === a[0].id);
    expect(recorded).toMatchObject({ status: 'taken', documentsTaken: 1, etag: '"x"', failures: 0 });
    expect(Date.parse(recorded!.nextPollAt) - Date.parse(recorded!.lastPolledAt!)).toBe(3_600_000);
    // Released without a poll (shutdown): due at once again.
    await repo.release(b[0]);
    expect(mine(await repo.lease(10, 60)).map((f) => f.id)).toEqual([b[0].id]);
  });

  it('does not poll the feeds of a disabled source', async () => {
    const other = await new SourcesService(new SourcesRepository(ds)).register(`feeds-off-${randomUUID().slice(0, 8)}`);
    await feeds.add(`${base}/disabled.xml`, other.name, '1m');
    await new SourcesRepository(ds).disable(other.id);
    expect((await repo.lease(100, 60)).some((f) => f.sourceId === other.id)).toBe(false);
    await ds.query(`DELETE FROM ingest.feeds WHERE source_id = $1`, [other.id]);
  });
});
