import { PUB_STATUSES, SIGNALS, TIME_PRECISIONS, WIRE_FORMATS } from '../canonical-item';
import { ISO_INSTANT, JSON_SCHEMA_DIALECT, JsonSchema, schemaId } from './json-schema';

/** The canonical item (see `CanonicalItem`), embedded wherever a payload carries one. */
export const canonicalItemDefinition: JsonSchema = {
  title: 'Canonical item',
  description: 'What every wire format is parsed into: one story found in one submission.',
  type: 'object',
  additionalProperties: false,
  required: ['format', 'wire', 'headline', 'summary', 'body', 'media', 'subjects', 'pubStatus', 'signals', 'contentHash'],
  properties: {
    format: { enum: [...WIRE_FORMATS] },
    wire: {
      type: 'object',
      additionalProperties: false,
      properties: {
        guid: { type: 'string', description: "The agency's stable id: ninjs uri, G2 guid, AP item id." },
        version: { type: 'string', description: 'Opaque version string as the wire carries it.' },
        slug: { type: 'string' },
        takeKey: { type: 'string' },
        links: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['rel', 'guid'], properties: { rel: { type: 'string' }, guid: { type: 'string' } } },
        },
      },
    },
    headline: { type: 'string' },
    summary: { type: 'array', items: { type: 'string' }, description: 'Summary bullets or abstract paragraphs, in order.' },
    byline: { type: 'string' },
    dateline: { type: 'string', description: 'As printed, without the trailing colon.' },
    body: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'text'],
        properties: { kind: { enum: ['paragraph', 'crosshead'] }, text: { type: 'string' } },
      },
    },
    media: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind'],
        properties: {
          kind: { enum: ['picture', 'video', 'audio', 'graphic'] },
          caption: { type: 'string' },
          credit: { type: 'string' },
          href: { type: 'string' },
          mimeType: { type: 'string' },
        },
      },
    },
    language: { type: 'string', description: 'BCP 47 tag.' },
    subjects: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, properties: { code: { type: 'string' }, name: { type: 'string' }, scheme: { type: 'string' } } },
    },
    urgency: { type: 'integer', minimum: 1, maximum: 9 },
    pubStatus: { enum: [...PUB_STATUSES] },
    signals: { type: 'array', items: { enum: [...SIGNALS] } },
    embargo: ISO_INSTANT,
    firstCreated: { type: 'string' },
    versionCreated: { type: 'string' },
    sourceUpdated: {
      type: 'object',
      additionalProperties: false,
      required: ['at', 'precision'],
      properties: { at: ISO_INSTANT, precision: { enum: [...TIME_PRECISIONS] } },
    },
    contentHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
};

export const canonicalItemSchema: JsonSchema = { $schema: JSON_SCHEMA_DIALECT, $id: schemaId('canonical-item:v1'), ...canonicalItemDefinition };
