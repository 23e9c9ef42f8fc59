import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { brokerList, loadConfig } from '@copydesk/config';
import { codecFor, Header, StoryVersionMessage, Topic, TOPICS } from '@copydesk/contracts';
import { createConsumerApp, KafkaConnection, KafkaPublisher, readDeadLetter } from '@copydesk/kafka';
import { createTopics, startGroupAtEnd, TopicReader } from '@copydesk/kafka/testing';
import { AppModule } from '../app.module';
import { PublishConfig } from '../config/publish.config';

jest.setTimeout(120_000);

const config = loadConfig(PublishConfig);
const kafka = new KafkaConnection({ brokers: brokerList(config), clientId: 'publish-int-spec' });
const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01';

function storyVersion(sourceId: string): StoryVersionMessage {
  const submissionId = randomUUID();
  return {
    storyId: randomUUID(),
    version: 1,
    kind: 'created',
    current: true,
    sourceId,
    submissionId,
    itemId: `${submissionId}:0`,
    storyCreatedAt: '2025-03-21T10:00:02.000Z',
    decidedAt: '2025-03-21T10:00:02.000Z',
    updatedAt: '2025-03-21T10:00:00.000Z',
    updatedPrecision: 'second',
    match: { basis: 'none', candidates: 0, reason: 'no candidate story from this source and language in the window' },
    item: {
      format: 'plain-text',
      wire: {},
      headline: 'Flood warnings lifted along the Rhine',
      summary: [],
      body: [{ kind: 'paragraph', text: 'KOBLENZ: The river fell overnight.' }],
      media: [],
      subjects: [],
      pubStatus: 'usable',
      signals: [],
      contentHash: 'd'.repeat(64),
    },
  };
}

describe('publish on the real broker and database: every story.versions.v1 message is validated on decode', () => {
  const groupId = `publish-int-${randomUUID()}`;
  const sourceId = randomUUID();
  let app: INestApplication;
  let upstream: KafkaPublisher;
  let dlq: TopicReader;
  let published: TopicReader;

  beforeAll(async () => {
    await createTopics(kafka, TOPICS);
    await startGroupAtEnd(kafka, groupId, Topic.StoryVersions);
    upstream = new KafkaPublisher(kafka);
    await upstream.connect();
    dlq = await new TopicReader(kafka, Topic.WireDlq).start();
    published = await new TopicReader(kafka, Topic.StoryPublished).start();
    // The stage wired exactly as it runs, without its HTTP port.
    app = await createConsumerApp(AppModule, { service: 'publish', config: { ...config, LOG_LEVEL: 'warn' }, groupId, partitionsConsumedConcurrently: 1 });
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([dlq?.stop(), published?.stop(), upstream?.disconnect()]);
  });

  it('dead-letters a version of the wrong shape with INVALID_MESSAGE and the reasons, and publishes the next one', async () => {
    const codec = codecFor(Topic.StoryVersions);
    const valid = storyVersion(sourceId);
    // The same story, so the same partition: the stage must carry on past the bad message.
    const wrongValue = JSON.stringify({ ...valid, version: 0, kind: 'rewritten', match: { basis: 'none' } });
    await upstream.publish([{ ...codec.encode(valid), value: Buffer.from(wrongValue) }]);
    await upstream.publish([codec.encode(valid, { traceparent })]);

    const [letter] = await dlq.waitFor((m) => m.headers[Header.DlqTopic] === Topic.StoryVersions && m.headers[Header.StoryId] === valid.storyId, 1);
    const reason = readDeadLetter(letter.headers);
    expect(reason).toMatchObject({ stage: 'publish', errorCode: 'INVALID_MESSAGE', attempts: 1, originalKey: valid.storyId });
    expect(reason.errorDetails).toEqual(
      expect.arrayContaining([
        { part: 'value', instancePath: '/version', message: 'must be >= 1' },
        { part: 'value', instancePath: '/kind', message: 'must be equal to one of the allowed values' },
        { part: 'value', instancePath: '/match', message: "must have required property 'reason'" },
      ]),
    );
    expect(letter.value?.toString()).toBe(wrongValue);

    const [event] = await published.waitFor((m) => m.key === valid.storyId, 1);
    expect(codecFor(Topic.StoryPublished).decode(event)).toMatchObject({
      id: `${valid.storyId}:1`,
      type: 'story.created',
      itemId: valid.itemId,
      data: { uri: expect.stringContaining(valid.storyId) },
    });
    expect(event.headers[Header.TraceParent]).toBe(traceparent);
    expect(event.headers[Header.CeTraceParent]).toBe(traceparent);
    expect(published.messages.filter((m) => m.key === valid.storyId).map((m) => m.headers[Header.CeId])).toEqual([`${valid.storyId}:1`]);
  });
});
