import { INestApplication, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { Static, Type } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import { brokerList, CommonConfig, loadConfig } from '@copydesk/config';
import { ContractError, ContractErrorCode, decodeJson, Header, SchemaValidator, Topic, TOPICS } from '@copydesk/contracts';
import { createTopics, TopicReader } from '../../testing';
import { KafkaConnection } from '../connection/kafka-connection';
import { readDeadLetter } from '../dlq/dead-letter';
import { KafkaPublisher } from '../publisher/kafka-publisher';
import { connectKafkaConsumer } from './connect-kafka-consumer';
import { KafkaHandlers } from './kafka-handlers.decorator';
import { KafkaBatchContext, KafkaMessageContext } from './kafka-message.context';

jest.setTimeout(120_000);

const brokers = brokerList(loadConfig(CommonConfig));
const kafka = new KafkaConnection({ brokers, clientId: 'transport-int-spec' });

const WireNoteSchema = Type.Object({ name: Type.String(), count: Type.Integer({ minimum: 1 }) });
type WireNote = Static<typeof WireNoteSchema>;
const wireNote = new SchemaValidator<WireNote>(WireNoteSchema);

/** Decodes as the topic codecs do: JSON, then the schema; a value of the wrong shape is refused with the reasons. */
function decodeNote(value: Buffer | null): WireNote {
  const data = decodeJson(value);
  const issues = wireNote.issues(data, 'value');
  if (issues.length > 0) throw new ContractError(ContractErrorCode.InvalidMessage, 'note does not match its contract', issues);
  return data as WireNote;
}

describe('KafkaTransport: Nest handlers on the real broker', () => {
  const topic = `it.transport.${randomUUID()}`;
  const batchTopic = `it.transport.batch.${randomUUID()}`;
  const received: { note: WireNote; offset: string; headers: Record<string, string> }[] = [];
  const batches: { names: string[]; offsets: string[] }[] = [];
  let app: INestApplication;
  let publisher: KafkaPublisher;
  let dlq: TopicReader;

  @KafkaHandlers()
  class NotesHandler {
    @EventPattern<string>(topic)
    handle(@Payload() note: WireNote, @Ctx() ctx: KafkaMessageContext): void {
      received.push({ note, offset: ctx.getOffset(), headers: ctx.getHeaders() });
    }
  }

  @KafkaHandlers()
  class NoteBatchesHandler {
    @EventPattern<string>(batchTopic, { batch: true })
    handle(@Payload() notes: WireNote[], @Ctx() ctx: KafkaBatchContext): void {
      batches.push({ names: notes.map((n) => n.name), offsets: ctx.getMessages().map((m) => m.offset) });
    }
  }

  @Module({ controllers: [NotesHandler, NoteBatchesHandler] })
  class NotesModule {}

  beforeAll(async () => {
    await createTopics(kafka, [...TOPICS, { name: topic, partitions: 1, config: {} }, { name: batchTopic, partitions: 1, config: {} }]);
    publisher = new KafkaPublisher(kafka);
    await publisher.connect();
    dlq = await new TopicReader(kafka, Topic.WireDlq).start();
    const moduleRef = await Test.createTestingModule({ imports: [NotesModule] }).compile();
    app = moduleRef.createNestApplication();
    connectKafkaConsumer(app, {
      client: { brokers, clientId: 'transport-int-spec' },
      groupId: `g-${randomUUID()}`,
      stage: 'notes',
      decode: (m) => decodeNote(m.value),
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

  it('hands valid payloads to the @EventPattern handler and dead-letters invalid ones with the reasons the decoder gave', async () => {
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
    expect(byKey.b.view.errorDetails).toEqual([
      { part: 'value', instancePath: '/name', message: 'must be string' },
      { part: 'value', instancePath: '/count', message: 'must be >= 1' },
    ]);
    expect(byKey.b.value).toBe(JSON.stringify({ name: 42, count: 0 }));
    expect(byKey.c.view.errorCode).toBe('MALFORMED_MESSAGE');
    expect(byKey.c.value).toBe('not json');
  });
  it('hands a batch handler consecutive messages at once, and isolates an invalid one when a batch fails', async () => {
    const notes = ['b0', 'b1', 42, 'b3', 'b4'].map((name) => ({ topic: batchTopic, key: 'k', value: JSON.stringify({ name, count: 1 }) }));
    await publisher.publish(notes);
    const [letter] = await TopicReaderWait(dlq, batchTopic, 1);
    const end = Date.now() + 30_000;
    const names = () => batches.flatMap((b) => b.names);
    while (names().length < 4 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));

    expect(names()).toEqual(['b0', 'b1', 'b3', 'b4']);
    expect(batches.flatMap((b) => b.offsets)).toEqual(['0', '1', '3', '4']);
    expect(readDeadLetter(letter.headers)).toMatchObject({ errorCode: 'INVALID_MESSAGE', originalOffset: '2', attempts: 1 });

    // Messages produced together arrive together: one call for all three.
    await publisher.publish(['c0', 'c1', 'c2'].map((name) => ({ topic: batchTopic, key: 'k', value: JSON.stringify({ name, count: 1 }) })));
    while (names().length < 7 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(batches[batches.length - 1]).toEqual({ names: ['c0', 'c1', 'c2'], offsets: ['5', '6', '7'] });
  });
});

function TopicReaderWait(reader: TopicReader, topic: string, count: number) {
  return reader.waitFor((m) => m.headers[Header.DlqTopic] === topic, count);
}
