import { Client } from 'pg';
import { StoriesApi, StoriesApiError, StoryView, streamStories, StreamedStoryEvent, VersionView } from '@copydesk/client';
import { formatUpdatedLabel } from '@copydesk/updated-label';
import { DATABASE_URL } from '../support/env';
import { ninjs31 } from '../support/ninjs-validator';
import { addConsumer, addSource, ConsumerKey, eventually, RunningStack, startServices } from '../support/service-processes';
import { FLASH_HEADLINE, MINERALS_HEADLINE, MINERALS_REWRITE, PAGE_1, page2 } from './dedupe-pages';

jest.setTimeout(240_000);

/** A one-story page as a wire site shows it, updated `label` before it was captured. */
function onePage(headline: string, label: string, body: string): string {
  return `${headline}\n\n${headline}\n${label}\nFollow\n\n${headline}\n\n${headline}\n\n${body}\n`;
}

/** A ninjs document, as a newsroom system would push it. */
function ninjsItem(uri: string, version: number, pubStatus: 'usable' | 'canceled'): string {
  return JSON.stringify({
    uri,
    version: String(version),
    type: 'text',
    pubStatus,
    versionCreated: `2025-03-21T11:0${version}:00Z`,
    language: 'en',
    headlines: [{ role: 'main', value: 'Ceasefire talks to resume in Doha on Monday' }],
    bodies: [{ role: 'main', contentType: 'text/plain', value: 'DOHA: Negotiators will meet again on Monday, mediators said.' }],
  });
}

/** A label is right when some instant between sending the request and reading the answer renders it. */
function expectLabelRenderedDuring(story: { updatedAt: string; updatedPrecision: string; updatedLabel: string }, sentAt: number, answeredAt: number): void {
  const updatedAt = new Date(story.updatedAt);
  if (story.updatedPrecision === 'day') {
    expect(story.updatedLabel).toBe(formatUpdatedLabel(updatedAt, new Date(updatedAt.getTime() + 2 * 86_400_000)));
    return;
  }
  // The label is a step function of the time it is rendered at: sampling every second across the window sees every step.
  const candidates = new Set<string>();
  for (let t = sentAt; t < answeredAt; t += 1000) candidates.add(formatUpdatedLabel(updatedAt, new Date(t)));
  candidates.add(formatUpdatedLabel(updatedAt, new Date(answeredAt)));
  expect([...candidates]).toContain(story.updatedLabel);
}

async function timed<T>(call: () => Promise<T>): Promise<{ value: T; sentAt: number; answeredAt: number }> {
  const sentAt = Date.now();
  const value = await call();
  return { value, sentAt, answeredAt: Date.now() };
}

describe('the publish API', () => {
  let stack: RunningStack;
  /** A key with the all-statuses right: it reads the killed story too. */
  let api: StoriesApi;
  let editor: ConsumerKey;
  /** A key without it. */
  let reader: StoriesApi;
  let source: { id: string; apiKey: string };
  const db = new Client({ connectionString: DATABASE_URL });
  const killedUri = `urn:newsroom:doha-talks:${Date.now()}`;
  let streamStart: string;

  beforeAll(async () => {
    stack = await startServices('publish-api', 21081);
    editor = await addConsumer(`publish-api-editor-${Date.now()}`, { allStatuses: true });
    api = new StoriesApi(stack.urls.publish, { apiKey: editor.apiKey });
    reader = new StoriesApi(stack.urls.publish, { apiKey: (await addConsumer(`publish-api-reader-${Date.now()}`)).apiKey });
    source = addSource(`publish-api-${Date.now()}`);
    await db.connect();
    streamStart = String((await db.query('SELECT seq FROM publish.stream_position')).rows[0].seq);
    await post(PAGE_1, '2025-03-21T10:00:00Z');
    await eventually(async () => ((await api.listAll({ source: source.id })).length === 6 ? true : undefined), 'six stories');
    await post(page2(), '2025-03-21T10:10:00Z');
    await post(ninjsItem(killedUri, 1, 'usable'), '2025-03-21T11:01:00Z', 'application/json');
    await eventually(async () => ((await api.listAll({ source: source.id })).length === 8 ? true : undefined), 'eight stories');
    await post(ninjsItem(killedUri, 2, 'canceled'), '2025-03-21T11:02:00Z', 'application/json');
    await eventually(async () => {
      const stories = await api.listAll({ source: source.id });
      const versions = stories.reduce((n, s) => n + s.versionCount, 0);
      return versions === 11 ? true : undefined;
    }, 'eleven versions: eight stories, two updates and a withdrawal');
  });

  afterAll(async () => {
    await stack?.stop();
    await db.end();
  });

  async function post(body: string, capturedAt: string, contentType = 'text/plain; charset=utf-8'): Promise<string> {
    const res = await fetch(`${stack.urls.ingest}/v1/wire`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${source.apiKey}`, 'Content-Type': contentType, 'X-Captured-At': capturedAt },
      body,
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { submissionId: string }).submissionId;
  }

  async function storyByHeadline(headline: string): Promise<StoryView> {
    const found = (await api.listAll({ source: source.id })).find((s) => s.headline === headline);
    if (!found) throw new Error(`no story headed "${headline}"`);
    return found;
  }

  it('lists stories newest first, filtered by source, time, status and headline words, one cursor page after another', async () => {
    const all = await api.listAll({ source: source.id });
    expect(all).toHaveLength(8);
    const order = all.map((s) => `${s.updatedAt}|${s.id}`);
    expect(order).toEqual([...order].sort().reverse());

    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.list({ source: source.id, limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      pages.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual(all.map((s) => s.id));

    const since = await api.listAll({ source: source.id, updatedSince: '2025-03-21T10:00:00Z' });
    expect(since.map((s) => s.id).sort()).toEqual(
      all
        .filter((s) => s.updatedAt >= '2025-03-21T10:00:00.000Z')
        .map((s) => s.id)
        .sort(),
    );
    expect(since.length).toBeGreaterThan(0);
    expect(since.length).toBeLessThan(all.length);

    const canceled = await api.listAll({ source: source.id, pubStatus: 'canceled' });
    expect(canceled.map((s) => s.headline)).toEqual(['Ceasefire talks to resume in Doha on Monday']);
    expect(canceled[0]).toMatchObject({ kind: 'withdrawn', version: 2, pubStatus: 'canceled' });

    const words = await api.listAll({ source: source.id, q: 'UKRAINE minerals' });
    expect(words.map((s) => s.headline).sort()).toEqual([MINERALS_REWRITE, 'Zelensky says minerals deal must not turn Ukraine into a debtor'].sort());
    expect(await api.listAll({ source: source.id, q: 'minerals Macron' })).toEqual([]);
  });

  it('gives every story its updatedAt and a label rendered at request time', async () => {
    const { value: page, sentAt, answeredAt } = await timed(() => api.list({ source: source.id, limit: 200 }));
    for (const story of page.items) expectLabelRenderedDuring(story, sentAt, answeredAt);
    const kishida = page.items.find((s) => s.headline.startsWith('Japan’s Kishida'));
    expect(kishida?.updatedLabel).toBe('Updated 06 September 2024');
  });

  it('serves the latest version, every version, one version, and a word diff between two', async () => {
    const minerals = await storyByHeadline(MINERALS_REWRITE);
    expect(minerals).toMatchObject({ version: 2, versionCount: 2, kind: 'updated' });
    expect(minerals.ninjs).toMatchObject({ version: '2', headlines: [{ role: 'main', value: MINERALS_REWRITE }] });
    const validate = ninjs31();
    expect(validate(minerals.ninjs) ? [] : validate.errors).toEqual([]);

    const { value: versions, sentAt, answeredAt } = await timed(() => api.versions(minerals.id));
    expect(versions.map((v) => [v.version, v.kind, v.eventType, v.eventId])).toEqual([
      [1, 'created', 'story.created', `${minerals.id}:1`],
      [2, 'updated', 'story.updated', `${minerals.id}:2`],
    ]);
    versions.forEach((v: VersionView) => {
      expectLabelRenderedDuring(v, sentAt, answeredAt);
      expect(validate(v.ninjs) ? [] : validate.errors).toEqual([]);
      expect(v.ninjs.uri).toBe(minerals.uri);
    });
    const first = await api.version(minerals.id, 1);
    expect(first.ninjs.headlines).toEqual([{ role: 'main', value: MINERALS_HEADLINE }]);

    const diff = await api.diff(minerals.id, 1, 2);
    expect(diff).toMatchObject({ storyId: minerals.id, from: 1, to: 2, changed: true });
    const text = (segments: typeof diff.headline, keep: 'from' | 'to') =>
      segments
        .filter((s) => s.op !== (keep === 'from' ? 'insert' : 'delete'))
        .map((s) => s.text)
        .join('');
    expect(text(diff.headline, 'from')).toBe(MINERALS_HEADLINE);
    expect(text(diff.headline, 'to')).toBe(MINERALS_REWRITE);
    expect(
      diff.body
        .filter((s) => s.op === 'insert')
        .map((s) => s.text)
        .join(''),
    ).toContain('Scott Bessent');
    expect(diff.body.filter((s) => s.op === 'delete')).toEqual([]);
    expect((await api.diff(minerals.id, 2, 2)).changed).toBe(false);

    const flash = await storyByHeadline(FLASH_HEADLINE);
    expect(flash.ninjs.bodies).toBeDefined();
    expect((await api.version(flash.id, 1)).ninjs.bodies).toBeUndefined();
  });

  it('answers unknown ids with 404 and bad parameters with 400, in the JSON error body', async () => {
    const minerals = await storyByHeadline(MINERALS_REWRITE);
    const failure = async (call: Promise<unknown>) => {
      const e = await call.then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(StoriesApiError);
      const { status, body } = e as StoriesApiError;
      expect(Object.keys(body).sort()).toEqual(['details', 'error', 'message']);
      return [status, body.error];
    };
    expect(await failure(api.story('00000000-0000-4000-8000-000000000000'))).toEqual([404, 'STORY_NOT_FOUND']);
    expect(await failure(api.story('not-a-story'))).toEqual([404, 'STORY_NOT_FOUND']);
    expect(await failure(api.versions('00000000-0000-4000-8000-000000000000'))).toEqual([404, 'STORY_NOT_FOUND']);
    expect(await failure(api.version(minerals.id, 9))).toEqual([404, 'VERSION_NOT_FOUND']);
    expect(await failure(api.diff(minerals.id, 1, 9))).toEqual([404, 'VERSION_NOT_FOUND']);
    expect(await failure(api.diff(minerals.id, 0, 2))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await failure(api.list({ pubStatus: 'gone' as never }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await failure(api.list({ updatedSince: 'yesterday' }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await failure(api.list({ limit: 500 }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await failure(api.list({ cursor: 'bm9wZQ' }))).toEqual([400, 'INVALID_CURSOR']);
    const auth = { headers: { Authorization: `Bearer ${editor.apiKey}` } };
    const badVersion = await fetch(`${stack.urls.publish}/v1/stories/${minerals.id}/versions/first`, auth);
    expect([badVersion.status, ((await badVersion.json()) as { error: string }).error]).toEqual([400, 'INVALID_VERSION']);
    // A version number past what the database can hold is the caller's mistake, not a 500.
    for (const to of ['1e20', '2147483648', '1.5']) {
      const huge = await fetch(`${stack.urls.publish}/v1/stories/${minerals.id}/diff?from=1&to=${to}`, auth);
      expect([to, huge.status, ((await huge.json()) as { error: string }).error]).toEqual([to, 400, 'VALIDATION_FAILED']);
    }
    const unknownParameter = await fetch(`${stack.urls.publish}/v1/stories?colour=red`, auth);
    expect(unknownParameter.status).toBe(400);
    const badEventId = await fetch(`${stack.urls.publish}/v1/stream`, { headers: { ...auth.headers, 'Last-Event-ID': 'yesterday' } });
    expect([badEventId.status, ((await badEventId.json()) as { error: string }).error]).toEqual([400, 'INVALID_EVENT_ID']);
    expect(await failure(api.versionPage(minerals.id, { cursor: 'bm9wZQ' }))).toEqual([400, 'INVALID_CURSOR']);
  });

  it('reads only with a consumer key, and without the all-statuses right a killed story reads as absent', async () => {
    const anonymous = await fetch(`${stack.urls.publish}/v1/stories`);
    expect([anonymous.status, ((await anonymous.json()) as { error: string }).error]).toEqual([401, 'UNAUTHORIZED']);
    expect((await fetch(`${stack.urls.publish}/v1/stream`)).status).toBe(401);

    const killed = (await api.listAll({ source: source.id, pubStatus: 'canceled' }))[0];
    const seen = await reader.listAll({ source: source.id });
    expect(seen).toHaveLength(7);
    expect(seen.map((s) => s.id)).not.toContain(killed.id);
    expect(seen.every((s) => s.pubStatus === 'usable')).toBe(true);
    await expect(reader.story(killed.id)).rejects.toMatchObject({ status: 404, body: { error: 'STORY_NOT_FOUND' } });
    await expect(reader.versions(killed.id)).rejects.toMatchObject({ status: 404, body: { error: 'STORY_NOT_FOUND' } });
    expect((await reader.versions((await storyByHeadline(MINERALS_REWRITE)).id)).map((v) => v.version)).toEqual([1, 2]);
  });

  it('serves the OpenAPI document at /docs', async () => {
    const ui = await fetch(`${stack.urls.publish}/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
    const doc = (await (await fetch(`${stack.urls.publish}/docs-json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/stories',
        '/v1/stories/{id}',
        '/v1/stories/{id}/versions',
        '/v1/stories/{id}/versions/{n}',
        '/v1/stories/{id}/diff',
        '/v1/stream',
      ]),
    );
    const listParameters = (doc.paths['/v1/stories'].get as { parameters: { name: string }[] }).parameters.map((p) => p.name);
    expect(listParameters).toEqual(expect.arrayContaining(['source', 'updatedSince', 'pubStatus', 'q', 'limit', 'cursor']));
    const versions = doc.paths['/v1/stories/{id}/versions'].get as { parameters: { name: string }[]; security: unknown[]; responses: Record<string, unknown> };
    expect(versions.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['id', 'limit', 'cursor']));
    expect(versions.security).toEqual([{ consumerKey: [] }]);
    expect(Object.keys(versions.responses)).toEqual(expect.arrayContaining(['200', '401', '404', '429']));
    expect((doc as unknown as { components: { securitySchemes: Record<string, unknown> } }).components.securitySchemes.consumerKey).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('streams every published version over SSE and resumes after a reconnect with no gap and no repeat', async () => {
    const received: StreamedStoryEvent[] = [];
    // First connection: read three events, then drop it.
    const first = new AbortController();
    for await (const e of streamStories(stack.urls.publish, { apiKey: editor.apiKey, lastEventId: streamStart, signal: first.signal })) {
      received.push(e);
      if (received.length === 3) break;
    }
    first.abort();

    // Something is published while the client is away.
    const headline = `Port strike ends after ${Date.now() % 100000} hours of talks`;
    await post(
      onePage(headline, 'Updated 4 sec ago', 'ROTTERDAM: Dock workers voted to return to work on Friday after a deal on pay.'),
      new Date().toISOString(),
    );

    // Second connection resumes after the last event seen, until the new story arrives.
    const second = new AbortController();
    for await (const e of streamStories(stack.urls.publish, { apiKey: editor.apiKey, lastEventId: received[received.length - 1].id, signal: second.signal })) {
      received.push(e);
      if (e.event.data.headlines && JSON.stringify(e.event.data.headlines).includes(headline)) break;
    }
    second.abort();

    const ids = received.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    const { rows } = await db.query<{ event_id: string; seq: string }>('SELECT event_id, seq FROM publish.versions WHERE seq > $1 AND seq <= $2 ORDER BY seq', [
      streamStart,
      ids[ids.length - 1],
    ]);
    expect(received.map((e) => [e.id, e.event.id])).toEqual(rows.map((r) => [String(r.seq), r.event_id]));

    const validate = ninjs31();
    for (const e of received) {
      expect(e.event).toMatchObject({ specversion: '1.0', datacontenttype: 'application/json', subject: e.event.id.split(':')[0] });
      expect(validate(e.event.data) ? [] : validate.errors).toEqual([]);
    }
    const withdrawn = received.filter((e) => e.event.type === 'story.withdrawn');
    expect(withdrawn.map((e) => e.event.data.pubStatus)).toContain('canceled');
  });

  it('ticks the label: the same story reads later by the clock', async () => {
    const headline = `Storm closes Channel ports for ${Date.now() % 100000} minutes`;
    await post(
      onePage(headline, 'Updated 4 sec ago', 'DOVER: Ferry crossings were suspended on Friday as gale-force winds swept the Channel.'),
      new Date().toISOString(),
    );
    const story = await eventually(async () => (await api.listAll({ source: source.id, q: headline })).find((s) => s.headline === headline), 'the new story');
    expect(story.updatedPrecision).toBe('second');

    const firstRead = await timed(() => api.story(story.id));
    expectLabelRenderedDuring(firstRead.value, firstRead.sentAt, firstRead.answeredAt);
    // Wait until the clock has moved on by two whole seconds; no assertion on how long that took.
    await eventually(() => (Date.now() >= firstRead.answeredAt + 2000 ? true : undefined), 'two seconds to pass', 10_000);
    const secondRead = await timed(() => api.story(story.id));
    expectLabelRenderedDuring(secondRead.value, secondRead.sentAt, secondRead.answeredAt);
    expect(secondRead.value.updatedAt).toBe(firstRead.value.updatedAt);
    expect(secondRead.value.updatedLabel).not.toBe(firstRead.value.updatedLabel);
    expect(secondRead.value.updatedLabel).toMatch(/^Updated (\d+ min )?\d+ sec ago$/);
  });
});
