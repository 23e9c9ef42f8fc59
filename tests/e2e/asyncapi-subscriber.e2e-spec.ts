import { Parser } from '@asyncapi/parser';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StoriesApi } from '@copydesk/client';
import { ASYNCAPI_DOCUMENT_FILE, JSON_SCHEMA_2020_12_FORMAT } from '@copydesk/contracts';
import { InboundMessage, KafkaConnection } from '@copydesk/kafka';
import { TopicReader } from '@copydesk/kafka/testing';
import { brokers, ROOT } from '../support/env';
import { ninjs31 } from '../support/ninjs-validator';
import { addConsumer, addSource, eventually, RunningStack, startServices } from '../support/service-processes';
import { PAGE_1, page2 } from './dedupe-pages';

jest.setTimeout(240_000);

const DOCUMENT_TEXT = readFileSync(path.join(ROOT, ASYNCAPI_DOCUMENT_FILE), 'utf8');

function ajv2020(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

/**
 * @asyncapi/parser knows draft-07; this teaches it to check the document's JSON Schema 2020-12
 * against the meta-schema. No resolver: the document is self-contained, so nothing is fetched.
 */
function asyncApiParser(): Parser {
  const meta = ajv2020();
  return new Parser({
    schemaParsers: [
      {
        getMimeTypes: () => [JSON_SCHEMA_2020_12_FORMAT],
        validate: async (input) => {
          const plain: unknown = JSON.parse(JSON.stringify(input.data));
          return meta.validateSchema(plain as object) ? [] : [{ message: meta.errorsText(meta.errors), path: input.path }];
        },
        parse: async (input) => input.data,
      },
    ],
  });
}

interface ChannelContract {
  address: string;
  contentType: string;
  key: ValidateFunction;
  headers: ValidateFunction;
  payload: ValidateFunction;
}

function errorsOf(validate: ValidateFunction, value: unknown): unknown[] {
  return validate(value) ? [] : (validate.errors ?? []);
}

describe('a subscriber built only from the AsyncAPI document', () => {
  let stack: RunningStack;
  let source: { id: string; apiKey: string };
  let contracts: ChannelContract[];
  const readers = new Map<string, TopicReader>();
  const kafka = new KafkaConnection({ brokers: brokers(), clientId: 'asyncapi-e2e' });

  beforeAll(async () => {
    const { document, diagnostics } = await asyncApiParser().parse(DOCUMENT_TEXT);
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`)).toEqual([]);
    if (!document) throw new Error('the AsyncAPI document did not parse');
    const raw = JSON.parse(DOCUMENT_TEXT) as { components: { messages: Record<string, Record<string, { schema: object } | unknown>> } };
    const ajv = ajv2020();
    // Two channels may carry the same schema (published and latest): compile each id once.
    const compile = (schema: object): ValidateFunction => {
      const id = (schema as { $id?: string }).$id;
      return (id && ajv.getSchema(id)) || ajv.compile(schema);
    };
    contracts = document
      .channels()
      .all()
      .map((channel) => {
        const [message] = channel.messages().all();
        const spec = raw.components.messages[message.id()] as {
          contentType: string;
          headers: { schema: object };
          payload: { schema: object };
          bindings: { kafka: { key: object } };
        };
        return {
          address: channel.address() as string,
          contentType: message.contentType() ?? spec.contentType,
          key: compile(spec.bindings.kafka.key),
          headers: compile(spec.headers.schema),
          payload: compile(spec.payload.schema),
        };
      });
    for (const c of contracts) readers.set(c.address, await new TopicReader(kafka, c.address).start());

    // Below the kernel's ephemeral range (32768–60999): no outgoing connection can hold the port.
    stack = await startServices('asyncapi', 28381);
    source = addSource(`asyncapi-${Date.now()}`);
  });

  afterAll(async () => {
    await Promise.all([...readers.values()].map((r) => r.stop()));
    await stack?.stop();
  });

  async function post(body: string | Buffer, capturedAt: string, contentType: string): Promise<void> {
    const res = await fetch(`${stack.urls.ingest}/v1/wire`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${source.apiKey}`, 'Content-Type': contentType, 'X-Captured-At': capturedAt },
      body,
    });
    expect(res.status).toBe(202);
  }

  const mine = (m: InboundMessage) => m.headers['copydesk-source-id'] === source.id;

  it('describes every topic, and every real message on every topic matches its key, headers and payload schema', async () => {
    expect(contracts.map((c) => c.address).sort()).toEqual([
      'story.latest.v1',
      'story.published.v1',
      'story.versions.v1',
      'wire.dlq.v1',
      'wire.normalised.v1',
      'wire.raw.v1',
    ]);

    const uri = `urn:newsroom:asyncapi:${Date.now()}`;
    const ninjs = (version: number, pubStatus: string) =>
      JSON.stringify({
        uri,
        version: String(version),
        pubStatus,
        headlines: [{ role: 'main', value: 'Flood warnings lifted along the Rhine' }],
        bodies: [{ role: 'main', contentType: 'text/plain', value: 'KOBLENZ: The river fell overnight.' }],
      });
    await post(PAGE_1, '2025-03-21T10:00:00Z', 'text/plain; charset=utf-8');
    await eventually(() => (readers.get('story.published.v1')!.messages.filter(mine).length >= 6 ? true : undefined), 'the first page published');
    await post(page2(), '2025-03-21T10:10:00Z', 'text/plain; charset=utf-8');
    await post(ninjs(1, 'usable'), '2025-03-21T11:00:00Z', 'application/json');
    await eventually(
      () => (readers.get('story.published.v1')!.messages.filter(mine).length >= 10 ? true : undefined),
      'the second page and the ninjs item published',
    );
    await post(ninjs(2, 'canceled'), '2025-03-21T11:05:00Z', 'application/json');
    await post(Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)), '2025-03-21T11:06:00Z', 'application/octet-stream');

    // The withdrawal is read back: a key with the all-statuses right.
    const api = new StoriesApi(stack.urls.publish, { apiKey: (await addConsumer(`asyncapi-${Date.now()}`, { allStatuses: true })).apiKey });
    const versions = await eventually(async () => {
      const stories = await api.listAll({ source: source.id });
      const total = stories.reduce((n, s) => n + s.versionCount, 0);
      return total === 11 ? stories : undefined;
    }, 'eleven story versions');
    await eventually(() => (readers.get('story.published.v1')!.messages.filter(mine).length >= 11 ? true : undefined), 'eleven published events');
    await eventually(() => (readers.get('wire.dlq.v1')!.messages.filter(mine).length >= 1 ? true : undefined), 'the dead letter');

    for (const c of contracts) {
      const messages = readers.get(c.address)!.messages.filter(mine);
      expect([c.address, messages.length > 0]).toEqual([c.address, true]);
      for (const m of messages) {
        const where = `${c.address}@${m.partition}:${m.offset}`;
        if (m.key !== null) expect([where, errorsOf(c.key, m.key)]).toEqual([where, []]);
        expect([where, errorsOf(c.headers, m.headers)]).toEqual([where, []]);
        const value = c.contentType === 'application/json' ? JSON.parse(m.value!.toString('utf8')) : m.value!.toString('latin1');
        expect([where, errorsOf(c.payload, value)]).toEqual([where, []]);
      }
    }

    // The document's ninjs schema is Copydesk's own: every published value is valid against IPTC's too.
    const published = readers.get('story.published.v1')!.messages.filter(mine);
    const iptc = ninjs31();
    for (const m of published) expect([m.headers.ce_id, errorsOf(iptc, JSON.parse(m.value!.toString('utf8')))]).toEqual([m.headers.ce_id, []]);

    // Every version of every story, once, as ninjs; the withdrawal as story.withdrawn.
    const expected = versions.flatMap((s) => Array.from({ length: s.versionCount }, (_, i) => `${s.id}:${i + 1}`)).sort();
    expect(published.map((m) => m.headers.ce_id).sort()).toEqual(expected);
    const withdrawn = published.filter((m) => m.headers.ce_type === 'story.withdrawn');
    expect(withdrawn.map((m) => JSON.parse(m.value!.toString('utf8')).pubStatus)).toEqual(['canceled']);
    const latest = readers.get('story.latest.v1')!.messages.filter(mine);
    for (const s of versions) {
      const last = latest.filter((m) => m.key === s.id).pop();
      expect([s.id, last?.headers.ce_id]).toEqual([s.id, `${s.id}:${s.version}`]);
    }
  });
});
