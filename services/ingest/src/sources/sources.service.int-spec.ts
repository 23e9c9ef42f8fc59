import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { runMigrations } from '@copydesk/database';
import { IngestConfig } from '../config/ingest.config';
import { createIngestDataSource, INGEST_SCHEMA } from '../database/ingest-data-source';
import { generateApiKey, hashApiKey } from './api-key';
import { SourcesRepository } from './sources.repository';
import { SourcesService } from './sources.service';

jest.setTimeout(60_000);

const config = loadConfig(IngestConfig);

describe('SourcesService on the real database', () => {
  let ds: DataSource;
  let sources: SourcesService;

  beforeAll(async () => {
    await runMigrations(INGEST_SCHEMA, () => createIngestDataSource(config.DATABASE_URL));
    ds = createIngestDataSource(config.DATABASE_URL);
    await ds.initialize();
    sources = new SourcesService(new SourcesRepository(ds), { maxEntries: 100, ttlMs: 3_600_000 });
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('never caches a key it did not find: a key registered a moment later works at once', async () => {
    const apiKey = generateApiKey();
    expect(await sources.authenticate(apiKey)).toBeNull();
    const id = randomUUID();
    // Registered by another process (the command line) after the first look-up.
    await ds.query('INSERT INTO ingest.sources (id, name, api_key_hash) VALUES ($1, $2, $3)', [id, `late-${id.slice(0, 8)}`, hashApiKey(apiKey)]);
    expect(await sources.authenticate(apiKey)).toEqual({ id, name: `late-${id.slice(0, 8)}` });
  });

  it('keeps a found key cached until the source is forgotten, and then asks the database again', async () => {
    const created = await sources.register(`cached-${randomUUID().slice(0, 8)}`);
    expect(await sources.authenticate(created.apiKey)).toEqual({ id: created.id, name: created.name });
    // Disabled behind the service's back: the cache still answers, until the notification makes it forget.
    await ds.query('UPDATE ingest.sources SET disabled_at = now() WHERE id = $1', [created.id]);
    expect(await sources.authenticate(created.apiKey)).toEqual({ id: created.id, name: created.name });
    sources.forget(created.id);
    expect(await sources.authenticate(created.apiKey)).toBeNull();
  });

  it('refuses a key disabled behind its back (a notification lost) once the time limit has passed, and not before', async () => {
    let now = 1_000_000;
    const ttlMs = 60_000;
    const limited = new SourcesService(new SourcesRepository(ds), { maxEntries: 100, ttlMs, now: () => now });
    const created = await limited.register(`limited-${randomUUID().slice(0, 8)}`);
    expect(await limited.authenticate(created.apiKey)).toEqual({ id: created.id, name: created.name });
    await ds.query('UPDATE ingest.sources SET disabled_at = now() WHERE id = $1', [created.id]);
    now += ttlMs - 1;
    expect(await limited.authenticate(created.apiKey)).toEqual({ id: created.id, name: created.name });
    now += 2;
    expect(await limited.authenticate(created.apiKey)).toBeNull();
  });

  it('disables and rotates by name or id, and refuses what it cannot find', async () => {
    const created = await sources.register(`rotated-${randomUUID().slice(0, 8)}`);
    const rotated = await sources.rotate(created.name);
    expect(rotated).toMatchObject({ id: created.id, name: created.name });
    expect(rotated.apiKey).not.toBe(created.apiKey);
    sources.forget(created.id);
    expect(await sources.authenticate(created.apiKey)).toBeNull();
    expect(await sources.authenticate(rotated.apiKey)).toEqual({ id: created.id, name: created.name });

    const disabled = await sources.disable(created.id);
    expect(disabled).toMatchObject({ id: created.id, disabledAt: expect.any(String) });
    expect(await sources.disable(created.id)).toEqual(disabled);
    await expect(sources.rotate(randomUUID())).rejects.toMatchObject({ status: 404, code: 'SOURCE_NOT_FOUND' });
  });
});
