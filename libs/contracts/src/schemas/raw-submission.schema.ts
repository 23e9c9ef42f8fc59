import { Header } from '../headers';
import { ISO_INSTANT, JSON_SCHEMA_DIALECT, JsonSchema, NON_EMPTY, schemaId, UUID } from './json-schema';

/** `wire.raw.v1` headers: the submission's metadata (see `RawSubmissionMeta`). */
export const rawSubmissionHeadersSchema: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: schemaId('wire.raw.v1:headers'),
  title: 'Raw submission headers',
  type: 'object',
  required: [Header.SubmissionId, Header.SourceId, Header.ReceivedAt, Header.CapturedAt, Header.ContentType, Header.Size, Header.Sha256],
  properties: {
    [Header.SubmissionId]: UUID,
    [Header.SourceId]: UUID,
    [Header.ReceivedAt]: { ...ISO_INSTANT, description: 'When the request reached ingest.' },
    [Header.CapturedAt]: { ...ISO_INSTANT, description: '`X-Captured-At` as sent, else the receive time.' },
    [Header.ContentType]: { ...NON_EMPTY, description: 'As sent; application/octet-stream when none was sent.' },
    [Header.Charset]: NON_EMPTY,
    [Header.Size]: { type: 'string', pattern: '^[0-9]+$', description: 'Bytes in the value.' },
    [Header.Sha256]: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'Hex SHA-256 of the value.' },
  },
  additionalProperties: { type: 'string' },
};

/** `wire.raw.v1` value: exactly the bytes the newsroom sent. */
export const rawSubmissionPayloadSchema: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: schemaId('wire.raw.v1:payload'),
  title: 'Raw submission',
  description: 'The request body exactly as received, in any format and charset; described by the headers.',
  type: 'string',
  contentMediaType: 'application/octet-stream',
};
