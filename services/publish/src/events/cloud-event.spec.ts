import { codecFor, Header, StoryVersionMessage, Topic } from '@copydesk/contracts';
import { toCloudEvents, toStructuredCloudEvent } from './cloud-event';
import { toNinjs } from './ninjs.mapper';

const storyId = '3f2b1c9e-0000-4000-8000-000000000001';
const v = (over: Partial<StoryVersionMessage>): StoryVersionMessage => ({
  storyId,
  version: 2,
  kind: 'corrected',
  current: true,
  sourceId: '1a2b3c4d-0000-4000-8000-000000000003',
  submissionId: '7d0c4f7e-0000-4000-8000-000000000002',
  itemId: '7d0c4f7e-0000-4000-8000-000000000002:4',
  storyCreatedAt: '2025-03-21T09:00:00.000Z',
  decidedAt: '2025-03-21T10:00:00.000Z',
  updatedAt: '2025-03-21T09:59:56.000Z',
  updatedPrecision: 'second',
  match: { basis: 'wire-guid', reason: 'same guid' },
  item: {
    format: 'ninjs',
    wire: {},
    headline: 'H',
    summary: [],
    body: [],
    media: [],
    subjects: [],
    pubStatus: 'usable',
    signals: ['correction'],
    contentHash: 'a'.repeat(64),
  },
  ...over,
});

describe('toCloudEvents', () => {
  const now = new Date('2025-03-21T10:00:01.000Z');

  it('writes the CloudEvents binary binding to both topics, keyed by story id, with an id fixed by story and version', () => {
    const version = v({});
    const events = toCloudEvents(version, toNinjs(version, 'urn:copydesk'), 'urn:copydesk', now);
    expect(events.map((e) => [e.topic, e.key])).toEqual([
      [Topic.StoryPublished, storyId],
      [Topic.StoryLatest, storyId],
    ]);
    expect(events[0].headers).toMatchObject({
      [Header.CeSpecVersion]: '1.0',
      [Header.CeId]: `${storyId}:2`,
      [Header.CeSource]: 'urn:copydesk',
      [Header.CeType]: 'story.corrected',
      [Header.CeTime]: '2025-03-21T10:00:01.000Z',
      [Header.ContentType]: 'application/json',
    });
    expect(JSON.parse(String(events[0].value))).toMatchObject({ uri: `urn:copydesk:story:${storyId}`, version: '2' });
  });

  it('passes the trace context on to both events, each readable by its topic codec', () => {
    const version = v({});
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const [published, latest] = toCloudEvents(version, toNinjs(version, 'urn:copydesk'), 'urn:copydesk', now, { traceparent });
    for (const e of [published, latest]) expect(e.headers?.[Header.TraceParent]).toBe(traceparent);
    const record = { topic: Topic.StoryLatest, key: latest.key, value: latest.value as Buffer, headers: latest.headers ?? {} };
    expect(codecFor(Topic.StoryLatest).decode(record)).toMatchObject({
      id: `${storyId}:2`,
      type: 'story.corrected',
      itemId: version.itemId,
      data: { uri: `urn:copydesk:story:${storyId}` },
    });
  });

  it('keeps a late, older version off the latest topic', () => {
    const version = v({ current: false });
    expect(toCloudEvents(version, toNinjs(version, 'urn:copydesk'), 'urn:copydesk', now).map((e) => e.topic)).toEqual([Topic.StoryPublished]);
  });

  it('says withdrawn as story.withdrawn, in both forms', () => {
    const version = v({ kind: 'withdrawn', version: 3 });
    const doc = toNinjs(version, 'urn:copydesk');
    expect(toCloudEvents(version, doc, 'urn:copydesk', now)[0].headers?.[Header.CeType]).toBe('story.withdrawn');
    expect(toStructuredCloudEvent({ storyId, version: 3, kind: 'withdrawn', publishedAt: now, document: doc }, 'urn:copydesk')).toMatchObject({
      specversion: '1.0',
      id: `${storyId}:3`,
      type: 'story.withdrawn',
      time: '2025-03-21T10:00:01.000Z',
      subject: storyId,
      data: { pubStatus: 'canceled' },
    });
  });
});
