import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { codecFor, Header, StoryVersionMessage, Topic } from '@copydesk/contracts';
import { followStories, StoriesApi, StoriesApiError, StreamedStoryEvent } from '@copydesk/client';
import { InboundMessage, KafkaConnection, KafkaPublisher } from '@copydesk/kafka';
import { TopicReader } from '@copydesk/kafka/testing';
import { brokers, DATABASE_URL } from '../support/env';
import { addConsumer, ConsumerKey, eventually, ServiceProcess } from '../support/service-processes';

jest.setTimeout(240_000);

/** Seconds ahead of the first version's arrival that its embargo ends: enough to look, restart publish, and look again. */
const EMBARGO_AHEAD_MS = 25_000;

/** What dedupe would send: version n of a story, with an embargo or without. */
function storyVersion(sourceId: string, storyId: string, version: number, embargo?: string): StoryVersionMessage {
  const submissionId = randomUUID();
  const at = new Date(Date.UTC(2025, 2, 21, 9, 0, version)).toISOString();
  return {
    storyId,
    version,
    kind: version === 1 ? 'created' : 'updated',
    current: true,
    sourceId,
    submissionId,
    itemId: `${submissionId}:0`,
    storyCreatedAt: '2025-03-21T09:00:00.000Z',
    decidedAt: at,
    updatedAt: at,
    updatedPrecision: 'second',
    match: version === 1 ? { basis: 'none', reason: 'new story' } : { basis: 'wire-guid', reason: 'same wire guid', comparedVersion: version - 1 },
    item: {
      format: 'ninjs',
      wire: { guid: `urn:test:${storyId}`, version: String(version) },
      headline: `Quarterly results of story ${storyId.slice(0, 8)}, version ${version}`,
      summary: [],
      body: [{ kind: 'paragraph', text: `Paragraph of version ${version}.` }],
      media: [],
      subjects: [],
      pubStatus: 'usable',
      signals: [],
      ...(embargo ? { embargo } : {}),
      contentHash: randomUUID().replace(/-/g, '').padEnd(64, String(version)),
    },
  };
}

async function status(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (e) {
    if (e instanceof StoriesApiError) return e.status;
    throw e;
  }
}

describe('an embargoed story, end to end: neither served nor published before its time, then released by itself, across a restart', () => {
  const kafka = new KafkaConnection({ brokers: brokers(), clientId: 'publish-embargo-e2e' });
  const db = new Client({ connectionString: DATABASE_URL });
  const publish = new ServiceProcess('publish', 'publish-embargo', 21191);
  const sourceId = randomUUID();
  const embargoed = randomUUID();
  const control = randomUUID();
  const mine = (m: InboundMessage) => m.headers[Header.SourceId] === sourceId;
  let upstream: KafkaPublisher;
  let published: TopicReader;
  let latest: TopicReader;
  let reader: ConsumerKey;
  let editor: ConsumerKey;
  const arrivals = new Map<string, number>();
  const streamed: StreamedStoryEvent[] = [];
  const following = new AbortController();
  let follower: Promise<void>;

  beforeAll(async () => {
    await db.connect();
    upstream = new KafkaPublisher(kafka);
    await upstream.connect();
    published = await new TopicReader(kafka, Topic.StoryPublished).start();
    latest = await new TopicReader(kafka, Topic.StoryLatest).start();
    reader = await addConsumer(`embargo reader ${Date.now()}`);
    editor = await addConsumer(`embargo editor ${Date.now()}`, { allStatuses: true });
    await publish.start();
    const streamStart = String((await db.query('SELECT seq FROM publish.stream_position')).rows[0].seq);
    // An SSE client without the all-statuses right, following through the restart.
    follower = (async () => {
      for await (const e of followStories(publish.url, { apiKey: reader.apiKey, lastEventId: streamStart, signal: following.signal, retryMs: 250 })) {
        streamed.push(e);
        arrivals.set(`sse ${e.event.id}`, Date.now());
      }
    })();
  });

  afterAll(async () => {
    following.abort();
    await follower;
    await publish.stop();
    await Promise.all([published?.stop(), latest?.stop(), upstream?.disconnect()]);
    await db.end();
  });

  it('holds the version and the one behind it until the embargo, then publishes both in order, on the topics, in the API and on the stream', async () => {
    const api = new StoriesApi(publish.url, { apiKey: reader.apiKey });
    const editors = new StoriesApi(publish.url, { apiKey: editor.apiKey });
    const track = setInterval(
      () => published.messages.filter(mine).forEach((m) => arrivals.has(m.headers[Header.CeId]) || arrivals.set(m.headers[Header.CeId], Date.now())),
      20,
    );
    const embargo = new Date(Date.now() + EMBARGO_AHEAD_MS);
    const versions = codecFor(Topic.StoryVersions);
    await upstream.publish([
      versions.encode(storyVersion(sourceId, embargoed, 1, embargo.toISOString())),
      versions.encode(storyVersion(sourceId, control, 1)),
      // A later version without an embargo of its own: it must not go out before the embargoed one.
      versions.encode(storyVersion(sourceId, embargoed, 2)),
    ]);

    // The story without an embargo goes out at once: the pipeline works, so what is missing is held.
    await eventually(() => (published.messages.some((m) => m.headers[Header.CeId] === `${control}:1`) ? true : undefined), 'the control story published');
    await eventually(async () => ((await status(editors.story(embargoed))) === 200 ? true : undefined), 'the embargoed story recorded');
    expect(await status(api.story(control))).toBe(200);
    expect(await status(api.story(embargoed))).toBe(404);
    expect((await api.listAll({ source: sourceId })).map((s) => s.id)).toEqual([control]);
    expect((await editors.story(embargoed)).version).toBe(2);
    expect(published.messages.filter((m) => m.key === embargoed)).toEqual([]);
    expect(latest.messages.filter((m) => m.key === embargoed)).toEqual([]);
    expect(streamed.map((e) => e.event.subject)).not.toContain(embargoed);
    const { rows: held } = await db.query('SELECT count(*)::int AS n FROM publish.outbox WHERE key = $1 AND not_before IS NOT NULL', [embargoed]);
    expect(held[0].n).toBe(4);

    // Publish restarts before the embargo ends: nothing of it lives in memory.
    await publish.stop('SIGKILL');
    expect(Date.now()).toBeLessThan(embargo.getTime());
    await publish.start();
    expect(Date.now()).toBeLessThan(embargo.getTime());
    expect(await status(api.story(embargoed))).toBe(404);
    expect(published.messages.filter((m) => m.key === embargoed)).toEqual([]);

    const out = await eventually(
      () => {
        const both = published.messages.filter((m) => m.key === embargoed);
        return both.length >= 2 ? both : undefined;
      },
      'the embargoed versions published',
      EMBARGO_AHEAD_MS + 30_000,
    );
    await eventually(async () => ((await status(api.story(embargoed))) === 200 ? true : undefined), 'the embargoed story served', 10_000);
    await eventually(() => (streamed.filter((e) => e.event.subject === embargoed).length >= 2 ? true : undefined), 'the embargoed versions streamed', 10_000);
    clearInterval(track);

    expect(out.map((m) => m.headers[Header.CeId])).toEqual([`${embargoed}:1`, `${embargoed}:2`]);
    expect(Number(out[1].offset)).toBeGreaterThan(Number(out[0].offset));
    expect(arrivals.get(`${embargoed}:1`)).toBeGreaterThanOrEqual(embargo.getTime());
    expect(arrivals.get(`${embargoed}:1`)! - embargo.getTime()).toBeLessThan(5000);
    expect(latest.messages.filter((m) => m.key === embargoed).map((m) => m.headers[Header.CeId])).toEqual([`${embargoed}:1`, `${embargoed}:2`]);
    expect(new Date(out[0].headers[Header.CeTime]).getTime()).toBe(embargo.getTime());

    const story = await api.story(embargoed);
    expect(story).toMatchObject({ version: 2, ninjs: { version: '2' } });
    expect((await api.versions(embargoed)).map((v) => v.version)).toEqual([1, 2]);
    const events = streamed.filter((e) => e.event.subject === embargoed);
    expect(events.map((e) => e.event.id)).toEqual([`${embargoed}:1`, `${embargoed}:2`]);
    expect(arrivals.get(`sse ${embargoed}:1`)).toBeGreaterThanOrEqual(embargo.getTime());
    // Released after the control story: later stream positions, and each version once.
    const positions = streamed.map((e) => Number(e.id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(streamed.map((e) => e.event.id)).size).toBe(streamed.length);
    expect(Number(events[0].id)).toBeGreaterThan(Number(streamed.find((e) => e.event.subject === control)!.id));
    await eventually(
      async () => ((await db.query('SELECT count(*)::int AS n FROM publish.outbox WHERE key = $1', [embargoed])).rows[0].n === 0 ? true : undefined),
      'the outbox emptied',
    );
  });
});
