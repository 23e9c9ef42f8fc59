import { canonicalItemDefinition } from './canonical-item.schema';
import { ISO_INSTANT, JSON_SCHEMA_DIALECT, JsonSchema, schemaId, UUID } from './json-schema';

/** `wire.normalised.v1` value (see `NormalisedItemMessage`). */
export const normalisedItemSchema: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: schemaId('wire.normalised.v1:payload'),
  title: 'Normalised item',
  type: 'object',
  additionalProperties: false,
  required: ['itemId', 'submissionId', 'sourceId', 'itemIndex', 'itemCount', 'receivedAt', 'capturedAt', 'item'],
  properties: {
    itemId: { type: 'string', pattern: '^[0-9a-f-]{36}:[0-9]+$', description: '`${submissionId}:${itemIndex}`, stable across redelivery.' },
    submissionId: UUID,
    sourceId: UUID,
    itemIndex: { type: 'integer', minimum: 0 },
    itemCount: { type: 'integer', minimum: 1 },
    receivedAt: ISO_INSTANT,
    capturedAt: ISO_INSTANT,
    item: canonicalItemDefinition,
  },
};
