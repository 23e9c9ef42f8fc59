import { Module } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@copydesk/config';
import { createHttpApp } from '@copydesk/observability';
import { DataSource } from 'typeorm';
import { Clock, SystemClock } from '../../clock/clock';
import { PublishConfig } from '../../config/publish.config';
import { NinjsDocument } from '../../events/ninjs.mapper';
import { StoriesController } from '../stories.controller';
import { StoriesRepository, StoryRow, VersionRow } from '../stories.repository';
import { StoryViewFactory } from '../story-view.factory';
import { MAX_VERSION } from './diff.query';

const storyId = '3f2b1c9e-0000-4000-8000-000000000001';
const doc = (headline: string): NinjsDocument => ({
  uri: `urn:copydesk:story:${storyId}`,
  type: 'text',
  version: '1',
  versionCreated: '2025-03-21T10:00:00.000Z',
  pubStatus: 'usable',
  headlines: [{ role: 'main', value: headline }],
});

/** The read model holding one story of two versions; like PostgreSQL, it fails on a version outside integer range. */
class TwoVersions extends StoriesRepository {
  constructor() {
    super(undefined as unknown as DataSource);
  }
  override async findStory(id: string): Promise<StoryRow | null> {
    return id === storyId ? ({ id } as StoryRow) : null;
  }
  override async findVersion(id: string, version: number): Promise<VersionRow | null> {
    if (!Number.isInteger(version) || version > MAX_VERSION) throw new Error(`value "${version}" is out of range for type integer`);
    return id === storyId && version <= 2 ? ({ document: doc(version === 1 ? 'Storm hits coast' : 'Storm batters coast') } as VersionRow) : null;
  }
}

@Module({
  controllers: [StoriesController],
  providers: [
    { provide: StoriesRepository, useValue: new TwoVersions() },
    { provide: StoryViewFactory, useValue: new StoryViewFactory(loadConfig(PublishConfig, {})) },
    { provide: Clock, useValue: new SystemClock() },
  ],
})
class DiffApiModule {}

describe('GET /v1/stories/:id/diff query', () => {
  let close: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    const app = await createHttpApp(DiffApiModule, { service: 'publish', logLevel: 'error', shutdownTimeoutMs: 1_000 });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/v1/stories/${storyId}/diff`;
    close = () => app.close();
  });

  afterAll(async () => {
    await close();
  });

  const get = async (query: string) => {
    const response = await fetch(`${base}?${query}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers a diff for valid versions, as before', async () => {
    const { status, body } = await get('from=1&to=2');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      storyId,
      from: 1,
      to: 2,
      changed: true,
      headline: [
        { op: 'equal', text: 'Storm ' },
        { op: 'delete', text: 'hits' },
        { op: 'insert', text: 'batters' },
        { op: 'equal', text: ' coast' },
      ],
    });
  });

  it.each(['from=1&to=1e20', `from=${MAX_VERSION + 1}&to=2`, 'from=1&to=2.5', 'from=0&to=2', 'from=1&to=abc', 'from=1&to=Infinity', 'from=1'])(
    'refuses %p with 400 and the JSON error body, never reaching the database',
    async (query) => {
      const { status, body } = await get(query);
      expect(status).toBe(400);
      expect(body).toEqual({ error: 'VALIDATION_FAILED', message: 'request validation failed', details: expect.arrayContaining([expect.any(String)]) });
    },
  );

  it('still answers 404 for a version the story does not have', async () => {
    const { status, body } = await get('from=1&to=7');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: 'VERSION_NOT_FOUND' });
  });
});
