import { INestApplication } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { brokerList, loadConfig } from '@copydesk/config';
import { codecFor, Header, Topic, TOPICS } from '@copydesk/contracts';
import { createConsumerApp, KafkaConnection, KafkaPublisher, readDeadLetter } from '@copydesk/kafka';
import { createTopics, startGroupAtEnd, TopicReader } from '@copydesk/kafka/testing';
import { AppModule } from '../app.module';
import { NormaliseConfig } from '../config/normalise.config';

jest.setTimeout(120_000);

// A small limit of stories per submission, so a feed over it is cheap to make.
process.env.NORMALISE_MAX_ITEMS_PER_SUBMISSION = '3';
const config = loadConfig(NormaliseConfig);
const kafka = new KafkaConnection({ brokers: brokerList(config), clientId: 'normalise-int-spec' });
const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

function rawSubmission(sourceId: string, body: Buffer, contentType: string) {
  return codecFor(Topic.WireRaw).encode({
    submissionId: randomUUID(),
    sourceId,
    receivedAt: '2025-03-21T10:00:01.000Z',
    capturedAt: '2025-03-21T10:00:00.000Z',
    contentType,
    size: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    body,
  });
}

/** An RSS feed of `n` stories. */
function feedOf(n: number): Buffer {
  const items = Array.from(
    { length: n },
    (_, i) => `<item><guid>urn:feed:${i}</guid><title>Story ${i} of the feed</title><description>Body ${i}.</description></item>`,
  );
  return Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>${items.join('')}</channel></rss>`);
}

describe('normalise on the real broker: every wire.raw.v1 message is validated on decode', () => {
  const groupId = `normalise-int-${randomUUID()}`;
  const sourceId = randomUUID();
  let app: INestApplication;
  let upstream: KafkaPublisher;
  let dlq: TopicReader;
  let normalised: TopicReader;

  beforeAll(async () => {
    await createTopics(kafka, TOPICS);
    await startGroupAtEnd(kafka, groupId, Topic.WireRaw);
    upstream = new KafkaPublisher(kafka);
    await upstream.connect();
    dlq = await new TopicReader(kafka, Topic.WireDlq).start();
    normalised = await new TopicReader(kafka, Topic.WireNormalised).start();
    // The stage wired exactly as it runs, without its HTTP port.
    app = await createConsumerApp(AppModule, { service: 'normalise', config: { ...config, LOG_LEVEL: 'warn' }, groupId, partitionsConsumedConcurrently: 1 });
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([dlq?.stop(), normalised?.stop(), upstream?.disconnect()]);
  });

  it('dead-letters a raw submission of the wrong shape with INVALID_MESSAGE and the reasons, and normalises the next one', async () => {
    const body = Buffer.from('Flood warnings lifted along the Rhine\n\nKOBLENZ: The river fell overnight.\n', 'utf8');
    const valid = codecFor(Topic.WireRaw).encode(
      {
        submissionId: randomUUID(),
        sourceId,
        receivedAt: '2025-03-21T10:00:01.000Z',
        capturedAt: '2025-03-21T10:00:00.000Z',
        contentType: 'text/plain; charset=utf-8',
        size: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        body,
      },
      { traceparent },
    );
    const wrongHeaders: Record<string, string> = { ...valid.headers, [Header.CapturedAt]: 'yesterday', [Header.Size]: 'many' };
    delete wrongHeaders[Header.SubmissionId];
    const wrongBody = Buffer.from('Copy whose metadata is wrong\n\nIt must reach the dead letters untouched.\n');
    // One key, so one partition: the stage must carry on past the bad message.
    await upstream.publish([{ topic: Topic.WireRaw, key: sourceId, value: wrongBody, headers: wrongHeaders }, valid]);

    const [letter] = await dlq.waitFor((m) => m.headers[Header.DlqTopic] === Topic.WireRaw && m.headers[Header.DlqKey] === sourceId, 1);
    const reason = readDeadLetter(letter.headers);
    expect(reason).toMatchObject({ stage: 'normalise', errorCode: 'INVALID_MESSAGE', attempts: 1 });
    expect(reason.errorDetails).toEqual(
      expect.arrayContaining([
        { part: 'headers', instancePath: '', message: `must have required property '${Header.SubmissionId}'` },
        { part: 'headers', instancePath: `/${Header.CapturedAt}`, message: 'must match format "date-time"' },
        { part: 'headers', instancePath: `/${Header.Size}`, message: 'must match pattern "^[0-9]+$"' },
      ]),
    );
    expect(Buffer.compare(letter.value!, wrongBody)).toBe(0);

    const submissionId = valid.headers[Header.SubmissionId];
    const [item] = await normalised.waitFor((m) => m.headers[Header.SubmissionId] === submissionId, 1);
    expect(codecFor(Topic.WireNormalised).decode(item)).toMatchObject({ sourceId, itemIndex: 0, item: { headline: 'Flood warnings lifted along the Rhine' } });
    expect(item.headers[Header.TraceParent]).toBe(traceparent);
    expect(dlq.messages.filter((m) => m.headers[Header.DlqKey] === sourceId)).toHaveLength(1);
  });

  it('dead-letters a feed with more stories than the limit as TOO_MANY_ITEMS, the raw submission untouched, and normalises the next one', async () => {
    const tooMany = rawSubmission(sourceId, feedOf(4), 'application/rss+xml');
    const enough = rawSubmission(sourceId, feedOf(3), 'application/rss+xml');
    await upstream.publish([tooMany, enough]);

    const tooManyId = tooMany.headers[Header.SubmissionId];
    const [letter] = await dlq.waitFor((m) => m.headers[Header.DlqTopic] === Topic.WireRaw && m.headers[Header.SubmissionId] === tooManyId, 1);
    expect(readDeadLetter(letter.headers)).toMatchObject({
      stage: 'normalise',
      errorCode: 'TOO_MANY_ITEMS',
      attempts: 1,
      errorDetails: [{ items: 4, limit: 3, format: 'rss' }],
    });
    expect(Buffer.compare(letter.value!, tooMany.value as Buffer)).toBe(0);
    expect(letter.headers[`${Header.DlqOriginalHeaderPrefix}${Header.Sha256}`]).toBe(tooMany.headers[Header.Sha256]);

    const enoughId = enough.headers[Header.SubmissionId];
    const items = await normalised.waitFor((m) => m.headers[Header.SubmissionId] === enoughId, 3);
    expect(items).toHaveLength(3);
    expect(normalised.messages.filter((m) => m.headers[Header.SubmissionId] === tooManyId)).toHaveLength(0);
  });

  it('takes a batch with a bad submission between good ones one by one: each good one normalised once, the bad one dead-lettered', async () => {
    const before = rawSubmission(sourceId, feedOf(2), 'application/rss+xml');
    const bad = rawSubmission(sourceId, feedOf(4), 'application/rss+xml');
    const after = rawSubmission(sourceId, feedOf(1), 'application/rss+xml');
    // One request, one partition: the stage takes the three as one batch.
    await upstream.publish([before, bad, after]);

    const badId = bad.headers[Header.SubmissionId];
    await dlq.waitFor((m) => m.headers[Header.SubmissionId] === badId, 1);
    const afterId = after.headers[Header.SubmissionId];
    await normalised.waitFor((m) => m.headers[Header.SubmissionId] === afterId, 1);
    const of = (id: string) =>
      normalised.messages
        .filter((m) => m.headers[Header.SubmissionId] === id)
        .map((m) => m.headers[Header.ItemId])
        .sort();
    const beforeId = before.headers[Header.SubmissionId];
    // The batch failed before it sent anything: nothing twice.
    expect(of(beforeId)).toEqual([`${beforeId}:0`, `${beforeId}:1`]);
    expect(of(afterId)).toEqual([`${afterId}:0`]);
    expect(of(badId)).toEqual([]);
  });
});
