import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { PublishedStoryEvent, StoriesApi, subscribe, Subscription } from '@copydesk/client';
import { Topic } from '@copydesk/contracts';
import { startConsole } from '../support/console-process';
import { brokers, DATABASE_URL, SHARED } from '../support/env';
import { has, scrape, total } from '../support/metrics';
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
  let consumerKey: string;
  let consoleApp: { url: string; stop(): Promise<void> };
  const events: PublishedStoryEvent[] = [];
  const db = new Client({ connectionString: DATABASE_URL });

  beforeAll(async () => {
    stack = await startServices('sample-page', 18081);
    consumerKey = (await addConsumer(`sample-page-${Date.now()}`)).apiKey;
    api = new StoriesApi(stack.urls.publish, { apiKey: consumerKey });
    source = addSource(`sample-page-${Date.now()}`);
    subscription = subscribe(Topic.StoryPublished, (e) => void (e.sourceId === source.id && events.push(e)), { brokers: brokers() });
    await subscription.ready;
    await db.connect();
  });

  afterAll(async () => {
    await subscription?.close();
    await consoleApp?.stop();
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

  it('counts all of it on GET /metrics of every service, in the Prometheus text format', async () => {
    // Copy normalise cannot parse: a dead letter, counted by its code.
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const bad = await fetch(`${stack.urls.ingest}/v1/wire`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${source.apiKey}`, 'Content-Type': 'application/octet-stream' },
      body: garbage,
    });
    expect(bad.status).toBe(202);
    // A reader on the SSE stream, counted while it is connected.
    const reader = new AbortController();
    const stream = await fetch(`${stack.urls.publish}/v1/stream`, { headers: { Authorization: `Bearer ${consumerKey}` }, signal: reader.signal });
    expect(stream.status).toBe(200);
    consoleApp = await startConsole('sample-page', 18080, stack);

    const group = (stage: string) => ({ group: `sample-page-${stage}` });
    const normalise = await eventually(async () => {
      const m = await scrape(stack.urls.normalise);
      return total(m.samples, 'copydesk_consumer_dead_letters_total', { ...group('normalise'), topic: Topic.WireRaw, code: 'UNKNOWN_FORMAT' }) >= 1
        ? m
        : undefined;
    }, 'the dead letter counted');
    const [ingest, dedupe, publish, console] = await Promise.all([stack.urls.ingest, stack.urls.dedupe, stack.urls.publish, consoleApp.url].map(scrape));

    const http = ['process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'copydesk_http_requests_total', 'copydesk_http_request_duration_seconds'];
    const consumer = [
      'copydesk_consumer_messages_total',
      'copydesk_consumer_handler_duration_seconds',
      'copydesk_consumer_batch_duration_seconds',
      'copydesk_consumer_batch_messages',
      'copydesk_consumer_lag_messages',
      'copydesk_consumer_lag_seconds',
      'copydesk_consumer_retries_total',
      'copydesk_consumer_dead_letters_total',
      'copydesk_kafka_requests_total',
    ];
    const outbox = ['copydesk_outbox_depth', 'copydesk_outbox_oldest_age_seconds', 'copydesk_outbox_sent_total'];
    const expected: [typeof ingest, string[]][] = [
      [ingest, [...http, 'copydesk_ingest_accepted_total', 'copydesk_ingest_refused_total', 'copydesk_kafka_requests_total']],
      [normalise, [...http, ...consumer]],
      [dedupe, [...http, ...consumer, ...outbox, 'copydesk_dedupe_outcomes_total']],
      [publish, [...http, ...consumer, ...outbox, 'copydesk_publish_events_total', 'copydesk_publish_sse_clients']],
      [console, http],
    ];
    for (const [m, families] of expected) {
      expect(m.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
      expect([...m.families]).toEqual(expect.arrayContaining(families));
      expect(total(m.samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(has(m.samples, 'copydesk_http_request_duration_seconds_count', { method: 'GET', route: '/health/ready', status: '200' })).toBe(true);
    }

    // Ingest: three accepted for the source, the refused key by its code, and the route pattern (not the URL) on HTTP metrics.
    expect(total(ingest.samples, 'copydesk_ingest_accepted_total', { source: source.id })).toBe(3);
    expect(total(ingest.samples, 'copydesk_ingest_refused_total', { code: 'UNAUTHORIZED', source: 'unknown' })).toBeGreaterThanOrEqual(1);
    expect(total(ingest.samples, 'copydesk_http_requests_total', { method: 'POST', route: '/v1/wire', status: '202' })).toBe(3);
    expect(total(ingest.samples, 'copydesk_http_requests_total', { method: 'POST', route: '/v1/wire', status: '401' })).toBeGreaterThanOrEqual(1);

    // Kafka requests by role and API: ingest produced the submissions, normalise fetched them.
    expect(total(ingest.samples, 'copydesk_kafka_requests_total', { role: 'producer', api: 'Produce' })).toBeGreaterThanOrEqual(1);
    expect(total(normalise.samples, 'copydesk_kafka_requests_total', { role: 'consumer', api: 'Fetch' })).toBeGreaterThanOrEqual(1);
    expect(total(normalise.samples, 'copydesk_kafka_requests_total', { role: 'consumer', api: 'JoinGroup' })).toBeGreaterThanOrEqual(1);

    // Normalise: the three submissions consumed, each through its handler, and no lag left once it has caught up.
    expect(total(normalise.samples, 'copydesk_consumer_messages_total', { ...group('normalise'), topic: Topic.WireRaw })).toBeGreaterThanOrEqual(3);
    expect(
      total(normalise.samples, 'copydesk_consumer_handler_duration_seconds_count', { ...group('normalise'), topic: Topic.WireRaw }),
    ).toBeGreaterThanOrEqual(3);
    expect(total(normalise.samples, 'copydesk_consumer_batch_messages_sum', { ...group('normalise'), topic: Topic.WireRaw })).toBeGreaterThanOrEqual(3);
    expect(has(normalise.samples, 'copydesk_consumer_lag_messages', { ...group('normalise'), topic: Topic.WireRaw })).toBe(true);
    const caughtUp = await eventually(async () => {
      const { samples } = await scrape(stack.urls.normalise);
      return total(samples, 'copydesk_consumer_lag_messages', group('normalise')) === 0 ? samples : undefined;
    }, 'normalise caught up');
    expect(total(caughtUp, 'copydesk_consumer_lag_seconds', group('normalise'))).toBe(0);

    // Dedupe: twelve items (six new stories, six duplicates), in batches, its outbox drained.
    expect(total(dedupe.samples, 'copydesk_consumer_messages_total', { ...group('dedupe'), topic: Topic.WireNormalised })).toBeGreaterThanOrEqual(12);
    expect(total(dedupe.samples, 'copydesk_consumer_batch_duration_seconds_count', { ...group('dedupe'), topic: Topic.WireNormalised })).toBeGreaterThanOrEqual(
      1,
    );
    expect(total(dedupe.samples, 'copydesk_dedupe_outcomes_total', { outcome: 'new-story', basis: 'none' })).toBeGreaterThanOrEqual(6);
    expect(total(dedupe.samples, 'copydesk_dedupe_outcomes_total', { outcome: 'duplicate' })).toBeGreaterThanOrEqual(6);
    expect(total(dedupe.samples, 'copydesk_outbox_sent_total', { outbox: 'dedupe' })).toBeGreaterThanOrEqual(6);
    expect(total(dedupe.samples, 'copydesk_outbox_depth', { outbox: 'dedupe' })).toBe(0);
    expect(has(dedupe.samples, 'copydesk_outbox_oldest_age_seconds', { outbox: 'dedupe' })).toBe(true);

    // Publish: six versions published as story.created, the reader on the stream, its outbox.
    expect(total(publish.samples, 'copydesk_consumer_messages_total', { ...group('publish'), topic: Topic.StoryVersions })).toBeGreaterThanOrEqual(6);
    expect(total(publish.samples, 'copydesk_publish_events_total', { type: 'story.created' })).toBeGreaterThanOrEqual(6);
    expect(total(publish.samples, 'copydesk_publish_sse_clients')).toBe(1);
    expect(total(publish.samples, 'copydesk_outbox_sent_total', { outbox: 'publish' })).toBeGreaterThanOrEqual(6);
    expect(has(publish.samples, 'copydesk_outbox_depth', { outbox: 'publish' })).toBe(true);
    expect(total(publish.samples, 'copydesk_http_requests_total', { method: 'GET', route: '/v1/stories/:id', status: '200' })).toBeGreaterThanOrEqual(1);

    reader.abort();
    await eventually(
      async () => (total((await scrape(stack.urls.publish)).samples, 'copydesk_publish_sse_clients') === 0 ? true : undefined),
      'the reader gone',
    );
  });
});
