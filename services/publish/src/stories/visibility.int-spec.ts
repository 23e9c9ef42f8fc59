import { randomUUID } from 'node:crypto';
import { StoryVersionMessage } from '@copydesk/contracts';
import { StoriesApi, StoriesApiError, streamStories, StreamedStoryEvent } from '@copydesk/client';
import { DataSource } from 'typeorm';
import { ConsumersService } from '../consumers/consumers.service';
import { RunningPublishApp, startPublishApp } from '../testing/publish-app';
import { storyVersionFixture } from '../testing/story-version.fixture';
import { PublishService } from './publish.service';

jest.setTimeout(120_000);

const HOUR = 3_600_000;

async function failure(call: Promise<unknown>): Promise<[number, string] | 'ok'> {
  try {
    await call;
    return 'ok';
  } catch (e) {
    if (e instanceof StoriesApiError) return [e.status, e.body.error];
    throw e;
  }
}

/** Reads the stream from `from` until `until` says it has what it needs. */
async function readStream(url: string, apiKey: string, from: string, until: (e: StreamedStoryEvent) => boolean): Promise<StreamedStoryEvent[]> {
  const got: StreamedStoryEvent[] = [];
  const stop = new AbortController();
  for await (const e of streamStories(url, { apiKey, lastEventId: from, signal: stop.signal })) {
    got.push(e);
    if (until(e)) break;
  }
  stop.abort();
  return got;
}

describe('what each reader sees: statuses, embargo and pages of versions (real database)', () => {
  let running: RunningPublishApp;
  let publisher: PublishService;
  let plain: StoriesApi;
  let everything: StoriesApi;
  let publicReader: StoriesApi;
  let plainKey: string;
  let allKey: string;
  let streamStart: string;
  const sourceId = randomUUID();
  const ids = {
    usable: randomUUID(),
    withheld: randomUUID(),
    killed: randomUUID(),
    embargoed: randomUUID(),
    embargoedUpdate: randomUUID(),
    long: randomUUID(),
  };

  const version = (storyId: string, n: number, over: Partial<Omit<StoryVersionMessage, 'item'>> & { item?: Partial<StoryVersionMessage['item']> } = {}) =>
    storyVersionFixture({ storyId, sourceId, version: n, ...over, item: { headline: `Story ${storyId.slice(0, 8)} v${n}`, ...over.item } });

  beforeAll(async () => {
    running = await startPublishApp({ ...process.env, PUBLISH_PUBLIC_READ: 'true', PUBLISH_PUBLIC_RATE_LIMIT_BURST: '1000' });
    publisher = running.app.get(PublishService);
    const consumers = running.app.get(ConsumersService);
    plainKey = (await consumers.register(`reader ${randomUUID()}`)).apiKey;
    allKey = (await consumers.register(`editors ${randomUUID()}`, { allStatuses: true })).apiKey;
    plain = new StoriesApi(running.url, { apiKey: plainKey });
    everything = new StoriesApi(running.url, { apiKey: allKey });
    publicReader = new StoriesApi(running.url);
    const [{ seq }] = (await running.app.get(DataSource).query('SELECT seq::text AS seq FROM publish.stream_position')) as { seq: string }[];
    streamStart = seq;

    const ahead = new Date(Date.now() + HOUR).toISOString();
    await publisher.publishBatch([
      version(ids.usable, 1),
      version(ids.usable, 2, { item: { pubStatus: 'withheld' } }),
      version(ids.usable, 3),
      version(ids.withheld, 1),
      version(ids.withheld, 2, { item: { pubStatus: 'withheld' } }),
      version(ids.killed, 1),
      version(ids.killed, 2, { kind: 'withdrawn', item: { pubStatus: 'canceled', signals: ['kill'] } }),
      version(ids.embargoed, 1, { item: { embargo: ahead } }),
      version(ids.embargoedUpdate, 1),
      version(ids.embargoedUpdate, 2, { item: { embargo: ahead } }),
      ...Array.from({ length: 7 }, (_, i) => version(ids.long, i + 1)),
    ]);
  });

  afterAll(async () => {
    // The stories held for an hour leave nothing waiting in the outbox for the specs after this one.
    await running?.app.get(DataSource).query(`DELETE FROM publish.outbox WHERE key = ANY($1::text[])`, [[ids.embargoed, ids.embargoedUpdate]]);
    await running?.close();
  });

  it('serves a reader without the right only released, usable copy: a withheld or killed story reads as absent', async () => {
    for (const api of [plain, publicReader]) {
      const listed = await api.listAll({ source: sourceId });
      expect(listed.map((s) => [s.id, s.version]).sort()).toEqual(
        [
          [ids.usable, 3],
          [ids.embargoedUpdate, 1],
          [ids.long, 7],
        ].sort(),
      );
      expect(listed.every((s) => s.pubStatus === 'usable')).toBe(true);
      expect(await api.listAll({ source: sourceId, pubStatus: 'canceled' })).toEqual([]);
      for (const hidden of [ids.withheld, ids.killed, ids.embargoed]) {
        expect(await failure(api.story(hidden))).toEqual([404, 'STORY_NOT_FOUND']);
        expect(await failure(api.versions(hidden))).toEqual([404, 'STORY_NOT_FOUND']);
        expect(await failure(api.version(hidden, 1))).toEqual([404, 'STORY_NOT_FOUND']);
        expect(await failure(api.diff(hidden, 1, 1))).toEqual([404, 'STORY_NOT_FOUND']);
      }
      // A withheld version in the history of a usable story is left out of it.
      expect((await api.versions(ids.usable)).map((v) => v.version)).toEqual([1, 3]);
      expect(await failure(api.version(ids.usable, 2))).toEqual([404, 'VERSION_NOT_FOUND']);
      expect(await failure(api.diff(ids.usable, 1, 2))).toEqual([404, 'VERSION_NOT_FOUND']);
      expect((await api.diff(ids.usable, 1, 3)).changed).toBe(true);
      // An update under embargo: the story reads as its last released version until then.
      expect((await api.story(ids.embargoedUpdate)).version).toBe(1);
      expect((await api.versions(ids.embargoedUpdate)).map((v) => v.version)).toEqual([1]);
      expect(await failure(api.version(ids.embargoedUpdate, 2))).toEqual([404, 'VERSION_NOT_FOUND']);
    }
  });

  it('serves a key with the all-statuses right everything as recorded, embargoed stories before their time too', async () => {
    const listed = await everything.listAll({ source: sourceId });
    expect(new Map(listed.map((s) => [s.id, [s.version, s.pubStatus]]))).toEqual(
      new Map<string, [number, string]>([
        [ids.usable, [3, 'usable']],
        [ids.withheld, [2, 'withheld']],
        [ids.killed, [2, 'canceled']],
        [ids.embargoed, [1, 'usable']],
        [ids.embargoedUpdate, [2, 'usable']],
        [ids.long, [7, 'usable']],
      ]),
    );
    expect((await everything.listAll({ source: sourceId, pubStatus: 'canceled' })).map((s) => s.id)).toEqual([ids.killed]);
    expect((await everything.versions(ids.usable)).map((v) => [v.version, v.pubStatus, v.released])).toEqual([
      [1, 'usable', true],
      [2, 'withheld', true],
      [3, 'usable', true],
    ]);
    const held = await everything.version(ids.embargoed, 1);
    expect(held).toMatchObject({ released: false, ninjs: { embargoedUntil: expect.any(String) } });
    expect(new Date(held.publishedAt).getTime()).toBe(new Date(held.ninjs.embargoedUntil as string).getTime());
  });

  it('pages the versions of a story, oldest first, with a cursor', async () => {
    const pages: number[][] = [];
    let cursor: string | undefined;
    do {
      const res = await fetch(`${running.url}/v1/stories/${ids.long}/versions?limit=3${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { Authorization: `Bearer ${plainKey}` },
      });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { storyId: string; items: { version: number }[]; nextCursor: string | null };
      expect(page.storyId).toBe(ids.long);
      pages.push(page.items.map((v) => v.version));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect((await plain.versions(ids.long)).map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const page = await plain.versionPage(ids.long, { limit: 7 });
    expect([page.items.length, page.nextCursor === null]).toEqual([7, false]);
    expect((await plain.versionPage(ids.long, { limit: 7, cursor: page.nextCursor ?? undefined })).items).toEqual([]);
    const bad = async (query: string) => {
      const res = await fetch(`${running.url}/v1/stories/${ids.long}/versions?${query}`, { headers: { Authorization: `Bearer ${plainKey}` } });
      return [res.status, ((await res.json()) as { error: string }).error];
    };
    expect(await bad('cursor=bm9wZQ')).toEqual([400, 'INVALID_CURSOR']);
    expect(await bad('limit=0')).toEqual([400, 'VALIDATION_FAILED']);
    expect(await bad('limit=201')).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('streams withheld and canceled versions to a reader without the right as notices, and nothing under embargo', async () => {
    const lastReleased = `${ids.long}:7`;
    const seen = await readStream(running.url, plainKey, streamStart, (e) => e.event.id === lastReleased);
    const mine = seen.filter((e) => (Object.values(ids) as string[]).includes(e.event.subject));
    expect(mine.map((e) => e.event.id)).not.toContain(`${ids.embargoed}:1`);
    expect(mine.map((e) => e.event.id)).not.toContain(`${ids.embargoedUpdate}:2`);
    const kill = mine.find((e) => e.event.id === `${ids.killed}:2`);
    expect(kill?.event).toMatchObject({ type: 'story.withdrawn' });
    expect(Object.keys(kill!.event.data).sort()).toEqual(['pubStatus', 'type', 'uri', 'version', 'versionCreated']);
    expect(kill!.event.data.pubStatus).toBe('canceled');
    const withheld = mine.find((e) => e.event.id === `${ids.withheld}:2`);
    expect(withheld?.event.data).toEqual(expect.objectContaining({ pubStatus: 'withheld' }));
    expect(withheld?.event.data.headlines).toBeUndefined();

    const whole = await readStream(running.url, allKey, streamStart, (e) => e.event.id === lastReleased);
    expect(whole.find((e) => e.event.id === `${ids.killed}:2`)?.event.data.headlines).toBeDefined();
  });

  it('releases an embargoed story by itself when its embargo ends: the API and the stream, with a later version behind it', async () => {
    const storyId: string = randomUUID();
    const embargo = new Date(Date.now() + 2500);
    await publisher.publishBatch([version(storyId, 1, { item: { embargo: embargo.toISOString() } })]);
    // The next version carries no embargo, and still waits for the first.
    await publisher.publishBatch([version(storyId, 2)]);
    const [{ seq: before }] = (await running.app.get(DataSource).query('SELECT seq::text AS seq FROM publish.stream_position')) as { seq: string }[];
    expect(await failure(plain.story(storyId))).toEqual([404, 'STORY_NOT_FOUND']);
    expect(await failure(publicReader.story(storyId))).toEqual([404, 'STORY_NOT_FOUND']);
    expect((await everything.story(storyId)).version).toBe(2);

    const streamed = readStream(running.url, plainKey, before, (e) => e.event.id === `${storyId}:2`);
    const story = await (async () => {
      for (;;) {
        const answer = await plain.story(storyId).catch(() => undefined);
        if (answer) return { answer, at: Date.now() };
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    expect(story.at).toBeGreaterThanOrEqual(embargo.getTime());
    expect(story.at - embargo.getTime()).toBeLessThan(2000);
    expect(story.answer.version).toBe(2);
    expect((await plain.versions(storyId)).map((v) => [v.version, v.released])).toEqual([
      [1, true],
      [2, true],
    ]);
    const events = (await streamed).filter((e) => e.event.subject === storyId);
    expect(events.map((e) => e.event.id)).toEqual([`${storyId}:1`, `${storyId}:2`]);
    expect(BigInt(events[0].id)).toBeGreaterThan(BigInt(before));
  });
});
