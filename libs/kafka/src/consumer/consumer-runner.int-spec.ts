import { randomUUID } from 'node:crypto';
import { brokerList, CommonConfig, loadConfig } from '@copydesk/config';
import { Header, Topic, TOPICS } from '@copydesk/contracts';
import { createKafkaClient } from '../client/kafka-client';
import { ensureTopics } from '../admin/topic-admin';
import { readDeadLetter } from '../dlq/dead-letter';
import { PermanentError } from '../errors/handler-errors';
import { InboundMessage } from '../message';
import { KafkaPublisher } from '../publisher/kafka-publisher';
import { TopicReader } from '../testing/topic-reader';
import { ConsumerRunner } from './consumer-runner';

jest.setTimeout(120_000);

const brokers = brokerList(loadConfig(CommonConfig));
const kafka = createKafkaClient({ brokers, clientId: 'runner-int-spec' });
const fastRetry = { attempts: 3, initialDelayMs: 10, maxDelayMs: 50 };

describe('ConsumerRunner against the real broker', () => {
  let publisher: KafkaPublisher;
  let dlq: TopicReader;

  beforeAll(async () => {
    await ensureTopics(kafka, TOPICS);
    publisher = new KafkaPublisher(kafka);
    await publisher.connect();
    dlq = await new TopicReader(kafka, Topic.WireDlq).start();
  });

  afterAll(async () => {
    await dlq.stop();
    await publisher.disconnect();
  });

  async function freshTopic(): Promise<string> {
    const topic = `it.runner.${randomUUID()}`;
    await ensureTopics(kafka, [{ name: topic, partitions: 1, config: {} }]);
    return topic;
  }

  async function produce(topic: string, values: string[]): Promise<void> {
    await publisher.publish(values.map((v) => ({ topic, key: 'k', value: v, headers: { [Header.SubmissionId]: `sub-${v}` } })));
  }

  async function committedOffset(groupId: string, topic: string): Promise<string> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return entry.partitions[0].offset;
    } finally {
      await admin.disconnect();
    }
  }

  function runner(topic: string, groupId: string, handler: (m: InboundMessage) => Promise<void>) {
    return new ConsumerRunner(kafka, { groupId, topics: [topic], stage: 'it', handler, deadLetters: publisher, retry: fastRetry });
  }

  async function until(check: () => boolean, what: string): Promise<void> {
    const end = Date.now() + 30_000;
    while (!check()) {
      if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('retries a failing handler a bounded number of times, then succeeds without a dead letter', async () => {
    const topic = await freshTopic();
    const groupId = `g-${randomUUID()}`;
    const attempts: string[] = [];
    const r = runner(topic, groupId, async (m) => {
      attempts.push(m.value!.toString());
      if (m.value!.toString() === 'flaky' && attempts.filter((a) => a === 'flaky').length < 3) throw new Error('database restarting');
    });
    await produce(topic, ['flaky', 'next']);
    await r.start();
    await until(() => attempts.includes('next'), 'the next message');
    await r.stop();
    expect(attempts).toEqual(['flaky', 'flaky', 'flaky', 'next']);
    expect(await committedOffset(groupId, topic)).toBe('2');
    expect(dlq.messages.filter((m) => m.headers[Header.DlqTopic] === topic)).toHaveLength(0);
  });

  it('dead-letters a permanent failure at once with the payload untouched, and carries on', async () => {
    const topic = await freshTopic();
    const groupId = `g-${randomUUID()}`;
    const seen: string[] = [];
    const r = runner(topic, groupId, async (m) => {
      seen.push(m.value!.toString());
      if (m.value!.toString() === 'bad') throw new PermanentError('EMPTY_BODY', 'the body is empty', [{ field: 'body' }]);
    });
    await produce(topic, ['bad', 'good']);
    await r.start();
    const [letter] = await dlq.waitFor((m) => m.headers[Header.DlqTopic] === topic, 1);
    await until(() => seen.includes('good'), 'the message after the bad one');
    await r.stop();
    expect(seen).toEqual(['bad', 'good']);
    expect(letter.value?.toString()).toBe('bad');
    expect(letter.key).toBe('k');
    expect(readDeadLetter(letter.headers)).toMatchObject({
      stage: 'it',
      errorCode: 'EMPTY_BODY',
      errorDetails: [{ field: 'body' }],
      originalTopic: topic,
      originalOffset: '0',
      attempts: 1,
      originalHeaders: { [Header.SubmissionId]: 'sub-bad' },
    });
    expect(await committedOffset(groupId, topic)).toBe('2');
  });

  it('dead-letters a message that keeps failing after the last attempt', async () => {
    const topic = await freshTopic();
    const r = runner(topic, `g-${randomUUID()}`, async () => {
      throw new Error('still down');
    });
    await produce(topic, ['doomed']);
    await r.start();
    const [letter] = await dlq.waitFor((m) => m.headers[Header.DlqTopic] === topic, 1);
    await r.stop();
    expect(readDeadLetter(letter.headers)).toMatchObject({ errorCode: 'HANDLER_FAILED', errorMessage: 'still down', attempts: 3 });
  });

  it('commits only what the handler finished: a restarted group resumes at the first unfinished message', async () => {
    const topic = await freshTopic();
    const groupId = `g-${randomUUID()}`;
    await produce(topic, ['m0', 'm1', 'm2', 'm3']);
    const firstRun: string[] = [];
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const first = runner(topic, groupId, async (m) => {
      const v = m.value!.toString();
      if (v === 'm2') await blocked;
      firstRun.push(v);
    });
    await first.start();
    await until(() => firstRun.length === 2, 'two finished messages');
    // Shut down while m2 is in the handler: stop waits for it, and nothing after it is started.
    const stopping = first.stop();
    release();
    await stopping;
    expect(firstRun).toEqual(['m0', 'm1', 'm2']);
    expect(await committedOffset(groupId, topic)).toBe('3');

    const secondRun: string[] = [];
    const second = runner(topic, groupId, async (m) => {
      secondRun.push(m.value!.toString());
    });
    await second.start();
    await until(() => secondRun.length === 1, 'the unfinished message');
    await second.stop();
    expect(secondRun).toEqual(['m3']);
  });
});
