import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ASYNCAPI_DOCUMENT } from './asyncapi';
import { PUB_STATUSES, SIGNALS, TIME_PRECISIONS, WIRE_FORMATS } from './canonical-item';
import { EncodableMessage, KafkaRecord, TOPIC_CODECS } from './codecs';
import { STORY_EVENT_TYPES } from './story-event';
import { VERSION_KINDS } from './story-version';
import { deadLetter, normalisedItem, rawSubmission, storyEvent, storyVersion, traceparent } from './testing/contract-fixtures';
import { Topic, TOPICS } from './topics';

/*
 * One contract per message: the schema is the source of the type, the validator, the codec
 * and the AsyncAPI entry. These specs fail when any of them drifts from the others: a valid
 * message typed with the derived types must pass the codec's validator and the schemas of
 * the committed AsyncAPI document (read from its file, independent of the code that built it).
 */

const NINJS_DIR = path.resolve(__dirname, '../../../../shared/contracts/ninjs/schema');

interface DocumentMessage {
  contentType: string;
  headers: { schema: object };
  payload: { schema: object };
  bindings: { kafka: { key: object } };
}

/** The key, headers and payload validators of each topic, compiled from the committed document only. */
function documentValidators(): Record<string, { message: DocumentMessage; key: ValidateFunction; headers: ValidateFunction; payload: ValidateFunction }> {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const compile = (schema: object): ValidateFunction => {
    const id = (schema as { $id?: string }).$id;
    return (id ? ajv.getSchema(id) : undefined) ?? ajv.compile(schema);
  };
  const doc = ASYNCAPI_DOCUMENT as {
    channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
    components: { messages: Record<string, DocumentMessage> };
  };
  const out: ReturnType<typeof documentValidators> = {};
  for (const channel of Object.values(doc.channels)) {
    const [ref] = Object.values(channel.messages);
    const message = doc.components.messages[ref.$ref.split('/').pop() as string];
    out[channel.address] = {
      message,
      key: compile(message.bindings.kafka.key),
      headers: compile(message.headers.schema),
      payload: compile(message.payload.schema),
    };
  }
  return out;
}

/** IPTC's ninjs 3.1 schema, read in place, with the GeoJSON schema it refers to. */
function iptcNinjs31(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(path.join(NINJS_DIR, 'GeoJSON-schema.json'), 'utf8')));
  return ajv.compile(JSON.parse(readFileSync(path.join(NINJS_DIR, 'ninjs-schema_3.1.json'), 'utf8')));
}

/** Valid values of every topic, typed with the types the schemas derive. */
const FIXTURES: { [T in Topic]: EncodableMessage<T> } = {
  [Topic.WireRaw]: rawSubmission,
  [Topic.WireNormalised]: normalisedItem,
  [Topic.StoryVersions]: storyVersion,
  [Topic.StoryPublished]: storyEvent,
  [Topic.StoryLatest]: { ...storyEvent, type: 'story.withdrawn', data: { ...storyEvent.data, pubStatus: 'canceled' } as typeof storyEvent.data },
  [Topic.WireDlq]: deadLetter,
};

function encode<T extends Topic>(topic: T): KafkaRecord {
  return (TOPIC_CODECS[topic].encode as (v: EncodableMessage<T>, c: object) => KafkaRecord)(FIXTURES[topic], { traceparent });
}

function errors(validate: ValidateFunction, data: unknown): unknown[] {
  return validate(data) ? [] : (validate.errors ?? []);
}

describe('one contract per message', () => {
  const document = documentValidators();

  it('describes every topic in the AsyncAPI document', () => {
    expect(Object.keys(document).sort()).toEqual(TOPICS.map((t) => t.name).sort());
  });

  it.each(TOPICS.map((t) => t.name))('%s: a valid typed message passes its codec and the schemas of the committed document', (topic) => {
    const message = encode(topic);
    const { message: spec, key, headers, payload } = document[topic];
    expect(errors(key, message.key)).toEqual([]);
    expect(errors(headers, message.headers)).toEqual([]);
    const value = spec.contentType === 'application/json' ? JSON.parse(String(message.value)) : message.value?.toString('latin1');
    expect(errors(payload, value)).toEqual([]);
    expect(TOPIC_CODECS[topic].decode(message)).toEqual(FIXTURES[topic]);
  });

  it('rejects in the document what the codec rejects: a story version without its story id', () => {
    const { storyId: _omit, ...withoutId } = storyVersion;
    const message = { ...encode(Topic.StoryVersions), value: Buffer.from(JSON.stringify(withoutId)) };
    expect(() => TOPIC_CODECS[Topic.StoryVersions].decode(message)).toThrow(expect.objectContaining({ code: 'INVALID_MESSAGE' }));
    expect(document[Topic.StoryVersions].payload(withoutId)).toBe(false);
  });

  it('holds published documents to the ninjs schema in the document, whose fixture IPTC’s schema accepts too', () => {
    const { payload } = document[Topic.StoryPublished];
    const ninjs = storyEvent.data;
    expect(errors(payload, ninjs)).toEqual([]);
    expect(errors(iptcNinjs31(), ninjs)).toEqual([]);
    expect(payload({ uri: 'urn:copydesk:story:1', headlines: [{ role: 'main', value: 'x' }] })).toBe(false);
    expect(payload({ ...ninjs, pubStatus: 'published' })).toBe(false);
    expect(payload({ ...ninjs, headlines: [{ role: 'main' }] })).toBe(false);
    // Further properties are allowed: a field added later does not break a consumer.
    expect(errors(payload, { ...ninjs, contentCreated: '2025-03-21T09:00:00Z' })).toEqual([]);
  });

  it('lists the same values in the constants as in the document', () => {
    const schemaOf = (topic: Topic) =>
      document[topic].message.payload.schema as {
        properties: Record<string, { properties: Record<string, { enum?: string[]; items?: { enum: string[] } }>; enum?: string[] }>;
      };
    const versions = schemaOf(Topic.StoryVersions).properties;
    expect(versions.item.properties.format.enum).toEqual([...WIRE_FORMATS]);
    expect(versions.item.properties.pubStatus.enum).toEqual([...PUB_STATUSES]);
    expect(versions.item.properties.signals.items?.enum).toEqual([...SIGNALS]);
    expect(versions.updatedPrecision.enum).toEqual([...TIME_PRECISIONS]);
    expect(versions.kind.enum).toEqual([...VERSION_KINDS]);
    const eventHeaders = document[Topic.StoryPublished].message.headers.schema as { properties: Record<string, { enum?: string[] }> };
    expect(eventHeaders.properties.ce_type.enum).toEqual([...STORY_EVENT_TYPES]);
  });
});
