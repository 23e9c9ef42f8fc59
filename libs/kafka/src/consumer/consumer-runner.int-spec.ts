import { randomUUID } from 'node:crypto';
import { brokerList, CommonConfig, loadConfig } from '@copydesk/config';
import { Header, Topic, TOPICS } from '@copydesk/contracts';
import { metricsRegistry } from '@copydesk/observability';
import { KafkaAdmin } from '../admin/kafka-admin';
import { KafkaConnection } from '../connection/kafka-connection';
import { createTopics, TopicReader } from '../../testing';
import { readDeadLetter } from '../dlq/dead-letter';
import { InfrastructureError, PermanentError } from '../errors/handler-errors';
import { InboundMessage } from '../message';
import { KafkaPublisher } from '../publisher/kafka-publisher';
import { ConsumerRunner, ConsumerRunnerOptions } from './consumer-runner';

jest.setTimeout(120_000);

const brokers = brokerList(loadConfig(CommonConfig));
const kafka = new KafkaConnection({ brokers, clientId: 'runner-int-spec' });
const fastRetry = { attempts: 3, initialDelayMs: 10, maxDelayMs: 50 };

describe('ConsumerRunner against the real broker', () => {
  let publisher: KafkaPublisher;
  let dlq: TopicReader;

  beforeAll(async () => {
    await createTopics(kafka, TOPICS);
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
    await createTopics(kafka, [{ name: topic, partitions: 1, config: {} }]);
    return topic;
  }

  async function produce(topic: string, values: string[]): Promise<void> {
    await publisher.publish(values.map((v) => ({ topic, key: 'k', value: v, headers: { [Header.SubmissionId]: `sub-${v}` } })));
  }

  async function committedOffset(groupId: string, topic: string): Promise<string> {
    const admin = new KafkaAdmin(kafka);
    try {
      const [entry] = await admin.groupOffsets(groupId, [topic]);
      return entry.offset;
    } finally {
      await admin.close();
    }
  }

  function runner(topic: string, groupId: string, handler: (m: InboundMessage) => Promise<void>, extra: Partial<ConsumerRunnerOptions> = {}) {
    return new ConsumerRunner(kafka, { groupId, topics: [topic], stage: 'it', handler, deadLetters: publisher, retry: fastRetry, ...extra });
  }

  /** The sum of a metric's values (a histogram's `_count` with `suffix`) whose labels include `labels`. */
  async function metric(name: string, labels: Record<string, string>, suffix = ''): Promise<number> {
    const { values } = await metricsRegistry.getSingleMetric(name)!.get();
    return values
      .filter((v) => ((v as { metricName?: string }).metricName ?? name) === `${name}${suffix}` && Object.entries(labels).every(([k, l]) => v.labels[k] === l))
      .reduce((sum, v) => sum + v.value, 0);
  }

  async function until(check: () => boolean, what: string, withinMs = 30_000): Promise<void> {
    const end = Date.now() + withinMs;
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
    const group = { group: groupId, topic };
    expect(await metric('copydesk_consumer_lag_messages', group)).toBe(0);
    expect(await metric('copydesk_consumer_lag_seconds', group)).toBe(0);
    await r.stop();
    expect(attempts).toEqual(['flaky', 'flaky', 'flaky', 'next']);
    expect(await metric('copydesk_consumer_retries_total', { ...group, kind: 'unknown' })).toBe(2);
    expect(await metric('copydesk_consumer_messages_total', group)).toBe(2);
    expect(await metric('copydesk_consumer_handler_duration_seconds', group, '_count')).toBe(4);
    expect(await metric('copydesk_consumer_dead_letters_total', group)).toBe(0);
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
    expect(await metric('copydesk_consumer_dead_letters_total', { group: groupId, topic, code: 'EMPTY_BODY' })).toBe(1);
    expect(await metric('copydesk_consumer_retries_total', { group: groupId, topic })).toBe(0);
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

  it('never dead-letters an infrastructure failure: the partition waits, reports why, and goes on when the dependency is back', async () => {
    const topic = await freshTopic();
    const groupId = `g-${randomUUID()}`;
    let failures = 0;
    const statuses: string[] = [];
    const seen: string[] = [];
    let r: ConsumerRunner | undefined = undefined;
    r = runner(topic, groupId, async (m) => {
      // Ten times the attempts an unknown failure gets: an outage outlasts any retry budget.
      if (m.value!.toString() === 'during-outage' && failures < fastRetry.attempts * 10) {
        failures++;
        statuses.push(r!.status().state);
        throw new InfrastructureError('DATABASE_UNAVAILABLE', 'connect ECONNREFUSED 127.0.0.1:5432');
      }
      seen.push(m.value!.toString());
    });
    await produce(topic, ['during-outage', 'after']);
    await r.start();
    await until(() => seen.includes('after'), 'the message after the outage');
    expect(r.status()).toMatchObject({ state: 'running', waiting: {} });
    await r.stop();
    expect(seen).toEqual(['during-outage', 'after']);
    expect(statuses.slice(1).every((s) => s === 'waiting')).toBe(true);
    expect(dlq.messages.filter((m) => m.headers[Header.DlqTopic] === topic)).toHaveLength(0);
    expect(await committedOffset(groupId, topic)).toBe('2');
  });

  it('does not dead-letter a failure of unknown kind while the dependencies are down; does once they answer', async () => {
    const topic = await freshTopic();
    let up = false;
    let calls = 0;
    const r = runner(
      topic,
      `g-${randomUUID()}`,
      async () => {
        calls++;
        if (calls === fastRetry.attempts * 3) up = true;
        throw new Error('something odd');
      },
      { dependenciesUp: async () => up },
    );
    await produce(topic, ['odd']);
    await r.start();
    const [letter] = await dlq.waitFor((m) => m.headers[Header.DlqTopic] === topic, 1);
    await r.stop();
    expect(calls).toBeGreaterThanOrEqual(fastRetry.attempts * 3);
    expect(readDeadLetter(letter.headers)).toMatchObject({ errorCode: 'HANDLER_FAILED', errorMessage: 'something odd' });
  });

  it('retries a whole batch while a dependency is down, instead of taking it apart', async () => {
    const topic = await freshTopic();
    const calls: string[][] = [];
    let failures = 0;
    const r = runner(
      topic,
      `g-${randomUUID()}`,
      async () => {
        throw new Error('the one-by-one path must not be taken');
      },
      {
        batchTopics: [topic],
        batchHandler: async (ms) => {
          calls.push(ms.map((m) => m.value!.toString()));
          if (failures++ < 4) throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
        },
      },
    );
    await produce(topic, ['b0', 'b1', 'b2']);
    await r.start();
    await until(() => calls.length >= 5, 'the batch after the outage');
    await r.stop();
    expect(calls.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => ['b0', 'b1', 'b2']));
    expect(dlq.messages.filter((m) => m.headers[Header.DlqTopic] === topic)).toHaveLength(0);
  });

  it('resumes once a dependency that was down answers again, without sitting out the rest of its back-off', async () => {
    const topic = await freshTopic();
    // A back-off of 20 s (at least 10 s with its jitter) before the second attempt...
    const slowRetry = { attempts: 3, initialDelayMs: 20_000, maxDelayMs: 20_000 };
    let up = false;
    let backAt = 0;
    const attempts: number[] = [];
    const r = runner(
      topic,
      `g-${randomUUID()}`,
      async () => {
        attempts.push(Date.now());
        if (attempts.length === 1) {
          // ...while the database is down for about two seconds.
          setTimeout(() => {
            up = true;
            backAt = Date.now();
          }, 2000);
          throw new InfrastructureError('DATABASE_UNAVAILABLE', 'the database is down');
        }
      },
      { retry: slowRetry, dependenciesUp: async () => up },
    );
    await produce(topic, ['held']);
    await r.start();
    await until(() => attempts.length >= 2, 'the attempt after the outage');
    await r.stop();
    const shortestBackOff = slowRetry.maxDelayMs / 2;
    expect(attempts[1] - attempts[0]).toBeLessThan(shortestBackOff);
    expect(attempts[1]).toBeGreaterThanOrEqual(backAt);
    expect(dlq.messages.filter((m) => m.headers[Header.DlqTopic] === topic)).toHaveLength(0);
  });

  it('keeps its place in the group while a handler takes longer than the session timeout', async () => {
    const topic = await freshTopic();
    const groupId = `g-${randomUUID()}`;
    const sessionTimeout = 6000;
    await produce(topic, ['slow', 'next']);
    const handled: string[] = [];
    const r = runner(
      topic,
      groupId,
      async (m) => {
        const v = m.value!.toString();
        // Waiting (on a database, say) for two and a half session timeouts, not computing.
        if (v === 'slow') await new Promise((resolve) => setTimeout(resolve, sessionTimeout * 2.5));
        handled.push(v);
      },
      { sessionTimeout },
    );
    await r.start();
    await until(() => handled.length >= 2, 'both messages', sessionTimeout * 6);
    await r.stop();
    // Evicted, the member would have rejoined and been given the slow message again.
    expect(handled).toEqual(['slow', 'next']);
    expect(await committedOffset(groupId, topic)).toBe('2');
  });

  it('reports not ready, with the reason, while its consumer restarts after a crash', async () => {
    const topic = await freshTopic();
    // Dead letters cannot be written (this publisher is not connected), so the batch fails
    // past the client's retries and the consumer crashes.
    const unconnected = new KafkaPublisher(kafka);
    const r = runner(
      topic,
      `g-${randomUUID()}`,
      async () => {
        throw new PermanentError('BAD_ITEM', 'bad item');
      },
      { deadLetters: unconnected },
    );
    await produce(topic, ['bad']);
    await r.start();
    const seen: string[] = [];
    await until(() => {
      const status = r.status();
      seen.push(status.state);
      return status.state === 'starting' && (status.reason ?? '').startsWith('restarting after a crash');
    }, 'the crash to show in the status');
    await r.stop();
    expect(seen).toContain('running');
    expect(dlq.messages.filter((m) => m.headers[Header.DlqTopic] === topic)).toHaveLength(0);
  });
});
