import { Header } from '../headers';
import { ISO_INSTANT, JSON_SCHEMA_DIALECT, JsonSchema, NON_EMPTY, schemaId } from './json-schema';

/** `wire.dlq.v1` headers: the reason and the original coordinates; the original headers under `dlq-original-header-*`. */
export const deadLetterHeadersSchema: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: schemaId('wire.dlq.v1:headers'),
  title: 'Dead letter headers',
  type: 'object',
  required: [Header.DlqStage, Header.DlqErrorCode, Header.DlqErrorMessage, Header.DlqTopic, Header.DlqPartition, Header.DlqOffset, Header.DlqAttempts, Header.DlqFailedAt],
  properties: {
    [Header.DlqStage]: { ...NON_EMPTY, description: 'The stage that gave up: normalise, dedupe, publish.' },
    [Header.DlqErrorCode]: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
    [Header.DlqErrorMessage]: { type: 'string', maxLength: 4000 },
    [Header.DlqErrorDetails]: { type: 'string', description: 'A JSON array, cut at 4000 characters.' },
    [Header.DlqTopic]: NON_EMPTY,
    [Header.DlqPartition]: { type: 'string', pattern: '^[0-9]+$' },
    [Header.DlqOffset]: { type: 'string', pattern: '^[0-9]+$' },
    [Header.DlqKey]: { type: 'string' },
    [Header.DlqAttempts]: { type: 'string', pattern: '^[1-9][0-9]*$' },
    [Header.DlqFailedAt]: ISO_INSTANT,
  },
  additionalProperties: { type: 'string' },
};

/** `wire.dlq.v1` value: the original payload, untouched. */
export const deadLetterPayloadSchema: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: schemaId('wire.dlq.v1:payload'),
  title: 'Dead letter',
  description: 'The original message value, byte for byte (for wire.raw.v1, the raw copy).',
  type: 'string',
  contentMediaType: 'application/octet-stream',
};
