import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { brokerList, loadConfig } from '@copydesk/config';
import { codecFor, Header, NormalisedItemMessage, Topic, TOPICS } from '@copydesk/contracts';
import { createConsumerApp, KafkaConnection, KafkaPublisher, readDeadLetter } from '@copydesk/kafka';
import { createTopics, startGroupAtEnd, TopicReader } from '@copydesk/kafka/testing';
import { AppModule } from '../app.module';
import { DedupeConfig } from '../config/dedupe.config';

jest.setTimeout(120_000);

const config = loadConfig(DedupeConfig);
const kafka = new KafkaConnection({ brokers: brokerList(config), clientId: 'dedupe-int-spec' });
const traceparent = '00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01';

function normalisedItem(sourceId: string): NormalisedItemMessage {
  const submissionId = randomUUID();
  return {
    itemId: `${submissionId}:0`,
    submissionId,
    sourceId,
    itemIndex: 0,
    itemCount: 1,
    receivedAt: '2025-03-21T10:00:01.000Z',
    capturedAt: '2025-03-21T10:00:00.000Z',
    item: {
      format: 'plain-text',
      wire: {},
      headline: 'Wildfire forces thousands to flee homes near Athens',
      summary: [],
      body: [{ kind: 'paragraph', text: 'ATHENS: A wildfire fanned by strong winds raced through pine forests north of Athens on Sunday.' }],
      media: [],
      subjects: [],
      language: 'en',
      pubStatus: 'usable',
      signals: [],
      contentHash: 'c'.repeat(64),
    },
  };
}

describe('dedupe on the real broker and database: every wire.normalised.v1 message is validated on decode', () => {
  const groupId = `dedupe-int-${randomUUID()}`;
  const sourceId = randomUUID();
  let app: INestApplication;
  let upstream: KafkaPublisher;
  let dlq: TopicReader;
  let versions: TopicReader;

  beforeAll(async () => {
    await createTopics(kafka, TOPICS);
    await startGroupAtEnd(kafka, groupId, Topic.WireNormalised);
    upstream = new KafkaPublisher(kafka);
    await upstream.connect();
    dlq = await new TopicReader(kafka, Topic.WireDlq).start();
    versions = await new TopicReader(kafka, Topic.StoryVersions).start();
    // The stage wired exactly as it runs, without its HTTP port.
    app = await createConsumerApp(AppModule, { service: 'dedupe', config: { ...config, LOG_LEVEL: 'warn' }, groupId, partitionsConsumedConcurrently: 1 });
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([dlq?.stop(), versions?.stop(), upstream?.disconnect()]);
  });

  it('dead-letters an item of the wrong shape with INVALID_MESSAGE and the reasons, and decides the next one', async () => {
    const codec = codecFor(Topic.WireNormalised);
    const wrong = normalisedItem(sourceId);
    const valid = normalisedItem(sourceId);
    const wrongValue = JSON.stringify({ ...wrong, itemIndex: -1, item: { ...wrong.item, headline: 42, pubStatus: 'published' } });
    // Produced together under one key (one partition), they reach the batch handler together: the bad one must not hold back the good one.
    await upstream.publish([{ ...codec.encode(wrong), value: Buffer.from(wrongValue) }, codec.encode(valid, { traceparent })]);

    const [letter] = await dlq.waitFor((m) => m.headers[Header.DlqTopic] === Topic.WireNormalised && m.headers[Header.ItemId] === wrong.itemId, 1);
    const reason = readDeadLetter(letter.headers);
    expect(reason).toMatchObject({ stage: 'dedupe', errorCode: 'INVALID_MESSAGE', attempts: 1, originalKey: sourceId });
    expect(reason.errorDetails).toEqual(
      expect.arrayContaining([
        { part: 'value', instancePath: '/itemIndex', message: 'must be >= 0' },
        { part: 'value', instancePath: '/item/headline', message: 'must be string' },
        { part: 'value', instancePath: '/item/pubStatus', message: 'must be equal to one of the allowed values' },
      ]),
    );
    expect(letter.value?.toString()).toBe(wrongValue);

    const [version] = await versions.waitFor((m) => m.headers[Header.ItemId] === valid.itemId, 1);
    expect(codecFor(Topic.StoryVersions).decode(version)).toMatchObject({ version: 1, kind: 'created', sourceId, itemId: valid.itemId, item: valid.item });
    expect(version.headers[Header.TraceParent]).toBe(traceparent);
    expect(dlq.messages.filter((m) => m.headers[Header.SourceId] === sourceId)).toHaveLength(1);
  });
});
