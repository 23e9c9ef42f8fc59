import { INestApplication, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { IsInt, IsString, Min } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { decodeJson, Header, Topic, TOPICS } from '@copydesk/contracts';
import { ensureTopics } from '../admin/topic-admin';
import { createKafkaClient } from '../client/kafka-client';
import { readDeadLetter } from '../dlq/dead-letter';
import { KafkaPublisher } from '../publisher/kafka-publisher';
import { TopicReader } from '../testing/topic-reader';
import { connectKafkaConsumer } from './connect-kafka-consumer';
import { KafkaHandlers } from './kafka-handlers.decorator';
import { KafkaMessageContext } from './kafka-message.context';

jest.setTimeout(120_000);

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = createKafkaClient({ brokers, clientId: 'transport-int-spec' });

class WireNote {
  @IsString()
  name!: string;

  @IsInt()
  @Min(1)
  count!: number;
}

describe('KafkaTransport: Nest handlers on the real broker', () => {
  const topic = `it.transport.${randomUUID()}`;
  const received: { note: WireNote; offset: string; headers: Record<string, string> }[] = [];
  let app: INestApplication;
  let publisher: KafkaPublisher;
  let dlq: TopicReader;

  @KafkaHandlers()
  class NotesHandler {
    @EventPattern(topic)
    handle(@Payload() note: WireNote, @Ctx() ctx: KafkaMessageContext): void {
      received.push({ note, offset: ctx.getOffset(), headers: ctx.getHeaders() });
    }
  }

  @Module({ controllers: [NotesHandler] })
  class NotesModule {}

  beforeAll(async () => {
    await ensureTopics(kafka, [...TOPICS, { name: topic, partitions: 1, config: {} }]);
    publisher = new KafkaPublisher(kafka);
    await publisher.connect();
    dlq = await new TopicReader(kafka, Topic.WireDlq).start();
    const moduleRef = await Test.createTestingModule({ imports: [NotesModule] }).compile();
    app = moduleRef.createNestApplication();
    connectKafkaConsumer(app, {
      client: { brokers, clientId: 'transport-int-spec' },
      groupId: `g-${randomUUID()}`,
      stage: 'notes',
      decode: (m) => decodeJson(m.value),
      retry: { attempts: 2, initialDelayMs: 10, maxDelayMs: 20 },
    });
    await app.init();
    await app.startAllMicroservices();
  });

  afterAll(async () => {
    await app?.close();
    await dlq?.stop();
    await publisher?.disconnect();
  });

  it('hands valid payloads to the @EventPattern handler and dead-letters invalid ones with the validation messages', async () => {
    await publisher.publish([
      { topic, key: 'a', value: JSON.stringify({ name: 'first', count: 1 }), headers: { [Header.SubmissionId]: 's-1' } },
      { topic, key: 'b', value: JSON.stringify({ name: 42, count: 0 }) },
      { topic, key: 'c', value: 'not json' },
      { topic, key: 'd', value: JSON.stringify({ name: 'last', count: 2 }) },
    ]);
    const letters = await TopicReaderWait(dlq, topic, 2);
    const end = Date.now() + 30_000;
    while (received.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));

    expect(received.map((r) => [r.note.name, r.offset])).toEqual([
      ['first', '0'],
      ['last', '3'],
    ]);
    expect(received[0].headers[Header.SubmissionId]).toBe('s-1');
    const byKey = Object.fromEntries(letters.map((l) => [l.key, { view: readDeadLetter(l.headers), value: l.value?.toString() }]));
    expect(byKey.b.view.errorCode).toBe('INVALID_MESSAGE');
    expect(byKey.b.view.attempts).toBe(1);
    expect(byKey.b.view.errorDetails).toEqual(expect.arrayContaining(['name must be a string', 'count must not be less than 1']));
    expect(byKey.b.value).toBe(JSON.stringify({ name: 42, count: 0 }));
    expect(byKey.c.view.errorCode).toBe('MALFORMED_MESSAGE');
    expect(byKey.c.value).toBe('not json');
  });
});

function TopicReaderWait(reader: TopicReader, topic: string, count: number) {
  return reader.waitFor((m) => m.headers[Header.DlqTopic] === topic, count);
}
