import { TSchema } from '@sinclair/typebox';
import { JsonSchema, toJsonSchema } from '../schemas/json-schema';
import { TOPIC_CONTRACTS } from '../topic-contracts';
import { Topic, TOPICS } from '../topics';

/** How payload and header schemas are written in the document: JSON Schema draft 2020-12. */
export const JSON_SCHEMA_2020_12_FORMAT = 'application/schema+json;version=2020-12';

const KAFKA_BINDING_VERSION = '0.5.0';

/** Which stage writes each topic. */
const PRODUCERS: Record<Topic, string> = {
  [Topic.WireRaw]: 'ingest',
  [Topic.WireNormalised]: 'normalise',
  [Topic.StoryVersions]: 'dedupe',
  [Topic.StoryPublished]: 'publish',
  [Topic.StoryLatest]: 'publish',
  [Topic.WireDlq]: 'normalise, dedupe and publish',
};

function channelId(topic: Topic): string {
  return topic.replace(/\.v\d+$/, '').replace(/[.]([a-z])/g, (_, c: string) => c.toUpperCase());
}

function multiFormat(schema: TSchema): { schemaFormat: string; schema: JsonSchema } {
  return { schemaFormat: JSON_SCHEMA_2020_12_FORMAT, schema: toJsonSchema(schema) };
}

/**
 * The AsyncAPI 3.0 document of every Copydesk topic: its address, key, headers and payload
 * schema, and its topic settings. Built from the topic list and the same schemas the codecs
 * validate by, so it cannot drift from them; `copydesk.asyncapi.json` beside this file is its JSON rendering.
 * Self-contained: no schema in it refers outside the document, so any AsyncAPI tool reads it offline.
 */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const t of TOPICS) {
    const contract = TOPIC_CONTRACTS[t.name];
    const id = channelId(t.name);
    messages[contract.messageName] = {
      name: contract.messageName,
      title: contract.messageTitle,
      contentType: contract.contentType,
      headers: multiFormat(contract.headers),
      payload: multiFormat(contract.payload),
      bindings: { kafka: { key: toJsonSchema(contract.key), bindingVersion: KAFKA_BINDING_VERSION } },
    };
    channels[id] = {
      address: t.name,
      title: t.name,
      description: `${t.description} Key: ${t.key}.`,
      messages: { [contract.messageName]: { $ref: `#/components/messages/${contract.messageName}` } },
      bindings: {
        kafka: {
          topic: t.name,
          partitions: t.partitions,
          topicConfiguration: topicConfiguration(t.config),
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    };
    operations[`send${contract.messageName}`] = {
      action: 'send',
      title: `${PRODUCERS[t.name]} writes ${t.name}`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${contract.messageName}` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    id: 'urn:copydesk:asyncapi',
    info: {
      title: 'Copydesk topics',
      version: '1.0.0',
      description:
        'Every Kafka topic Copydesk writes. Topic names carry a version suffix: a breaking change is a new topic. ' +
        'Published stories (story.published.v1, story.latest.v1) are CloudEvents 1.0 in the Kafka binary binding: attributes in ce_* headers, ' +
        'the data an IPTC ninjs 3.1 document, described here by Copydesk’s own schema of the subset it writes; every such document is also valid against IPTC’s ninjs 3.1 schema (http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json). ' +
        'Each version is published exactly once, with ce_id = "<story id>:<version>"; a withdrawn story arrives as a story.withdrawn event with pubStatus "canceled".',
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The default broker address; deployments set their own (KAFKA_BROKERS).' },
    },
    channels,
    operations,
    components: { messages },
  };
}

/** Kafka topic settings in the binding's shape (numbers as numbers, cleanup.policy as a list). */
function topicConfiguration(config: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) {
    if (k === 'cleanup.policy') out[k] = v.split(',');
    else if (['retention.ms', 'max.message.bytes', 'min.compaction.lag.ms', 'segment.ms'].includes(k)) out[k] = Number(v);
  }
  return out;
}
