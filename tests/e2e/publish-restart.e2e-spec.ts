import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { codecFor, Header, StoryVersionMessage, Topic } from '@copydesk/contracts';
import { followStories, StreamedStoryEvent } from '@copydesk/client';
import { InboundMessage, KafkaConnection, KafkaPublisher } from '@copydesk/kafka';
import { TopicReader } from '@copydesk/kafka/testing';
import { brokers, DATABASE_URL } from '../support/env';
import { ninjs31 } from '../support/ninjs-validator';
import { addConsumer, eventually, ServiceProcess } from '../support/service-processes';

jest.setTimeout(240_000);

const STORIES = 60;
const VERSIONS = 4;

/** What dedupe would send: version n of story s, each a little longer than the last. */
function storyVersion(sourceId: string, storyId: string, s: number, version: number): StoryVersionMessage {
  const submissionId = randomUUID();
  const at = new Date(Date.UTC(2025, 2, 21, 9, 0, 0) + s * 60_000 + version * 1000).toISOString();
  return {
    storyId,
    version,
    kind: version === 1 ? 'created' : version === VERSIONS ? 'withdrawn' : 'updated',
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
      headline: `Story ${s} as of version ${version}`,
      summary: [],
      body: Array.from({ length: version }, (_, i) => ({ kind: 'paragraph' as const, text: `Paragraph ${i + 1} of story ${s}.` })),
      media: [],
      subjects: [],
      pubStatus: version === VERSIONS ? 'canceled' : 'usable',
      signals: version === VERSIONS ? ['kill'] : [],
      contentHash: `${s}`.padStart(8, '0').padEnd(64, String(version)),
    },
  };
}

function count(messages: InboundMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m.headers[Header.CeId], (counts.get(m.headers[Header.CeId]) ?? 0) + 1);
  return counts;
}

describe('publish killed mid-stream: exactly one event per version', () => {
  const kafka = new KafkaConnection({ brokers: brokers(), clientId: 'publish-restart-e2e' });
  const db = new Client({ connectionString: DATABASE_URL });
  const publish = new ServiceProcess('publish', 'publish-restart', 21091, { KAFKA_SESSION_TIMEOUT_MS: '6000' });
  const sourceId = randomUUID();
  const storyIds: string[] = Array.from({ length: STORIES }, () => randomUUID());
  const mine = (m: InboundMessage) => m.headers[Header.SourceId] === sourceId;
  let upstream: KafkaPublisher;
  let published: TopicReader;
  let latest: TopicReader;
  /** An SSE client that follows the stream through both kills, reconnecting on its own. */
  const streamed: StreamedStoryEvent[] = [];
  const following = new AbortController();
  let streamStart: string;
  let follower: Promise<void>;

  beforeAll(async () => {
    await db.connect();
    upstream = new KafkaPublisher(kafka);
    await upstream.connect();
    published = await new TopicReader(kafka, Topic.StoryPublished).start();
    latest = await new TopicReader(kafka, Topic.StoryLatest).start();
    const { apiKey } = await addConsumer(`publish-restart-${Date.now()}`);
    await publish.start();
    streamStart = String((await db.query('SELECT seq FROM publish.stream_position')).rows[0].seq);
    follower = (async () => {
      for await (const e of followStories(publish.url, { apiKey, lastEventId: streamStart, signal: following.signal, retryMs: 250 })) streamed.push(e);
    })();
  });

  afterAll(async () => {
    following.abort();
    await follower;
    await publish.stop();
    await Promise.all([published?.stop(), latest?.stop(), upstream?.disconnect()]);
    await db.end();
  });

  function send(version: number): Promise<void> {
    return upstream.publish(storyIds.map((storyId, s) => codecFor(Topic.StoryVersions).encode(storyVersion(sourceId, storyId, s, version))));
  }

  it('sends each version once when killed with SIGKILL while versions flow and in the send-to-delete window; SSE follows through both restarts', async () => {
    await send(1);
    await send(2);
    // Kill it as soon as it has started publishing, with versions still waiting on the topic.
    await eventually(() => (published.messages.filter(mine).length > 0 ? true : undefined), 'the first published events');
    await publish.stop('SIGKILL');
    const beforeRestart = published.messages.filter(mine).length;
    expect(beforeRestart).toBeLessThan(STORIES * 2 * 2);

    await send(3);
    await publish.start();
    await eventually(() => (published.messages.filter(mine).length >= STORIES * 3 ? true : undefined), 'versions 1 to 3 published');

    // The state a crash between "the broker acknowledged" and "the outbox row was deleted" leaves:
    // events already on the topics whose outbox rows are still there, marked as handed to Kafka.
    // The rows come back under the ids their events carry (`copydesk-outbox-id`).
    await publish.stop('SIGKILL');
    const versionThree = [...published.messages, ...latest.messages].filter((m) => mine(m) && m.headers[Header.CeId].endsWith(':3'));
    const { rows: resent } = await db.query<{ n: number }>(
      `INSERT INTO publish.outbox (id, topic, key, value, headers, attempted_at)
       SELECT split_part(r.outbox_id, ':', 2)::bigint, r.topic, r.key, convert_to(v.document::text, 'UTF8'),
              jsonb_build_object('${Header.CeId}', v.event_id, '${Header.SourceId}', $2::text, '${Header.StoryId}', r.key), now()
         FROM unnest($1::text[], $3::text[], $4::text[]) AS r(outbox_id, topic, key)
         JOIN publish.versions v ON v.story_id = r.key::uuid AND v.version = 3
       RETURNING 1 AS n`,
      [versionThree.map((m) => m.headers[Header.OutboxId]), sourceId, versionThree.map((m) => m.topic), versionThree.map((m) => m.key)],
    );
    expect(resent).toHaveLength(STORIES * 2);
    await send(VERSIONS);
    await publish.start();

    const all = await eventually(() => {
      const mineNow = published.messages.filter(mine);
      return mineNow.length >= STORIES * VERSIONS ? mineNow : undefined;
    }, 'every version published');
    // This spec's records only: records held for a later embargo by other specs may be waiting in the same outbox.
    await eventually(
      async () =>
        (await db.query(`SELECT count(*)::int AS n FROM publish.outbox WHERE key = ANY($1::text[])`, [storyIds])).rows[0].n === 0 ? true : undefined,
      'an outbox empty of these stories',
    );

    const expected = storyIds.flatMap((id) => Array.from({ length: VERSIONS }, (_, i) => `${id}:${i + 1}`)).sort();
    const counts = count(published.messages.filter(mine));
    expect([...counts.keys()].sort()).toEqual(expected);
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(all).toHaveLength(STORIES * VERSIONS);

    const latestCounts = count(latest.messages.filter(mine));
    expect([...latestCounts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(latestCounts.size).toBe(STORIES * VERSIONS);

    // The SSE follower saw the same versions, in stream order, across both restarts: no gap, no repeat.
    const mineStreamed = await eventually(() => {
      const seen = streamed.filter((e) => storyIds.includes(e.event.subject));
      return seen.length >= STORIES * VERSIONS ? seen : undefined;
    }, 'every version on the SSE stream');
    expect(mineStreamed.map((e) => e.event.id).sort()).toEqual(expected);
    const positions = streamed.map((e) => Number(e.id));
    const { rows: stream } = await db.query<{ event_id: string; seq: string }>(
      'SELECT event_id, seq FROM publish.versions WHERE seq > $1 AND seq <= $2 ORDER BY seq',
      [streamStart, positions[positions.length - 1]],
    );
    expect(streamed.map((e) => [e.id, e.event.id])).toEqual(stream.map((r) => [String(r.seq), r.event_id]));

    // The last word on each story is its withdrawal, as a schema-valid ninjs document.
    const validate = ninjs31();
    for (const id of storyIds) {
      const last = latest.messages.filter((m) => m.key === id).pop() as InboundMessage;
      expect(last.headers[Header.CeType]).toBe('story.withdrawn');
      const doc = JSON.parse(last.value!.toString('utf8'));
      expect(doc.pubStatus).toBe('canceled');
      expect(validate(doc) ? [] : validate.errors).toEqual([]);
    }
  });
});
