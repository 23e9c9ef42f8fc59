import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { PublishedStoryEvent, StoriesApi, subscribe, Subscription } from '@copydesk/client';
import { Topic } from '@copydesk/contracts';
import { brokers, DATABASE_URL, SHARED } from '../support/env';
import { ninjs31 } from '../support/ninjs-validator';
import { addConsumer, addSource, eventually, RunningStack, startServices } from '../support/service-processes';

jest.setTimeout(180_000);

const PAGE = readFileSync(path.join(SHARED, 'corpus/seed/000_3dd1195f19a70900.txt'));

const EXPECTED = [
  {
    headline: 'Japan’s Kishida, South Korea’s Yoon call to sustain momentum in improved ties',
    updatedAt: '2024-09-06T00:00:00.000Z',
    precision: 'day',
    body: true,
  },
  { headline: 'Trump says US will sign Ukraine minerals deal soon', updatedAt: '2025-03-21T09:59:56.000Z', precision: 'second', body: true },
  { headline: 'Macron announces new Ukraine ‘coalition’ summit in Paris on March 27', updatedAt: '2025-03-21T09:52:25.000Z', precision: 'second', body: true },
  { headline: 'Trump signs order to ‘eliminate’ US Education Department', updatedAt: '2025-03-21T09:40:26.000Z', precision: 'second', body: false },
  {
    headline: 'North Korea’s Kim oversees test of latest anti-aircraft missile system: state media',
    updatedAt: '2025-03-21T09:37:33.000Z',
    precision: 'second',
    body: true,
  },
  { headline: 'M23 group seizes key town in eastern DR Congo', updatedAt: '2025-03-21T00:00:00.000Z', precision: 'day', body: true },
];

const itemIndex = (itemId: string | undefined) => Number(itemId?.split(':').pop());

describe('the sample page, end to end', () => {
  let stack: RunningStack;
  let subscription: Subscription;
  let api: StoriesApi;
  let source: { id: string; apiKey: string };
  const events: PublishedStoryEvent[] = [];
  const db = new Client({ connectionString: DATABASE_URL });

  beforeAll(async () => {
    stack = await startServices('sample-page', 18081);
    api = new StoriesApi(stack.urls.publish, { apiKey: (await addConsumer(`sample-page-${Date.now()}`)).apiKey });
    source = addSource(`sample-page-${Date.now()}`);
    subscription = subscribe(Topic.StoryPublished, (e) => void (e.sourceId === source.id && events.push(e)), { brokers: brokers() });
    await subscription.ready;
    await db.connect();
  });

  afterAll(async () => {
    await subscription?.close();
    await stack?.stop();
    await db.end();
  });

  function post(capturedAt: string) {
    return fetch(`${stack.urls.ingest}/v1/wire`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${source.apiKey}`, 'Content-Type': 'text/plain; charset=utf-8', 'X-Captured-At': capturedAt },
      body: PAGE,
    });
  }

  it('turns the page into six stories, in page order, through story.published.v1 and the API', async () => {
    const res = await post('2025-03-21T10:00:00Z');
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { submissionId: string };
    expect(accepted.submissionId).toMatch(/^[0-9a-f-]{36}$/);

    await eventually(() => (events.length >= 6 ? true : undefined), 'six published events');
    const inPageOrder = [...events].sort((a, b) => itemIndex(a.itemId) - itemIndex(b.itemId));
    expect(inPageOrder.map((e) => itemIndex(e.itemId))).toEqual([0, 1, 2, 3, 4, 5]);
    const validate = ninjs31();
    inPageOrder.forEach((event, i) => {
      expect(event.type).toBe('story.created');
      expect(event.specversion).toBe('1.0');
      expect(event.data.headlines).toEqual([{ role: 'main', value: EXPECTED[i].headline }]);
      expect(event.data.versionCreated).toBe(EXPECTED[i].updatedAt);
      expect(event.data.version).toBe('1');
      expect(Boolean(event.data.bodies)).toBe(EXPECTED[i].body);
      expect(validate(event.data) ? [] : validate.errors).toEqual([]);
    });

    const stories = (await api.listAll({ source: source.id })).sort((a, b) => a.itemIndex - b.itemIndex);
    expect(stories.map((s) => ({ headline: s.headline, updatedAt: s.updatedAt, precision: s.updatedPrecision, version: s.version }))).toEqual(
      EXPECTED.map((e) => ({ headline: e.headline, updatedAt: e.updatedAt, precision: e.precision, version: 1 })),
    );
    expect(stories[0].updatedLabel).toBe('Updated 06 September 2024');
    expect(stories[5].updatedLabel).toBe('Updated 21 March 2025');
    expect(new Set(stories.map((s) => s.submissionId))).toEqual(new Set([accepted.submissionId]));

    const one = await api.story(stories[3].id);
    expect(one).toMatchObject({ id: stories[3].id, headline: EXPECTED[3].headline, version: 1 });
    expect(one.ninjs.bodies).toBeUndefined();

    const newestFirst = await api.list({ source: source.id });
    const times = newestFirst.items.map((s) => s.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('makes no new version and no new event when the same page is posted again', async () => {
    const res = await post('2025-03-21T10:10:00Z');
    expect(res.status).toBe(202);
    const { submissionId } = (await res.json()) as { submissionId: string };

    const outcomes = await eventually(async () => {
      const rows = (await db.query('SELECT outcome FROM dedupe.decisions WHERE submission_id = $1', [submissionId])).rows as { outcome: string }[];
      return rows.length === 6 ? rows.map((r) => r.outcome) : undefined;
    }, 'six decisions on the re-post');
    expect(outcomes).toEqual(Array(6).fill('duplicate'));

    const stories = await api.listAll({ source: source.id });
    expect(stories.map((s) => s.version)).toEqual(Array(6).fill(1));
    // Duplicates write nothing to publish's outbox, so nothing is on its way either.
    const pending = (await db.query('SELECT count(*)::int AS n FROM dedupe.outbox')).rows[0].n as number;
    expect(pending).toBe(0);
    expect(events).toHaveLength(6);
  });

  it('answers 401 with the JSON error body without a valid key', async () => {
    const res = await fetch(`${stack.urls.ingest}/v1/wire`, { method: 'POST', headers: { Authorization: 'Bearer cdk_wrong' }, body: 'x' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'UNAUTHORIZED', message: 'the API key is not valid', details: [] });
  });
});
