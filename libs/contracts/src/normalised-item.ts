import { Static, Type } from '@sinclair/typebox';
import { CanonicalItemSchema } from './canonical-item';
import { Header } from './headers';
import { TRACE_HEADERS } from './message-context';
import { IsoInstant, ItemId, JSON_SCHEMA_DIALECT, schemaId, Uuid } from './schemas/json-schema';

/** `wire.normalised.v1` value: one story found in one submission. */
export const NormalisedItemMessageSchema = Type.Object(
  {
    itemId: ItemId({ description: '`${submissionId}:${itemIndex}`: stable across redelivery, so stages can recognise repeats.' }),
    submissionId: Uuid(),
    sourceId: Uuid(),
    itemIndex: Type.Integer({ minimum: 0 }),
    itemCount: Type.Integer({ minimum: 1 }),
    receivedAt: IsoInstant({ description: 'When ingest received the submission.' }),
    capturedAt: IsoInstant({ description: 'When the copy was captured: relative labels were read against it.' }),
    item: CanonicalItemSchema,
  },
  {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId('wire.normalised.v1:payload'),
    title: 'Normalised item',
    description: 'One story found in one submission.',
    additionalProperties: false,
  },
);
export type NormalisedItemMessage = Static<typeof NormalisedItemMessageSchema>;

/** `wire.normalised.v1` headers: the ids that follow the work, for logs and dead letters. */
export const NormalisedItemHeadersSchema = Type.Object(
  {
    [Header.SubmissionId]: Uuid(),
    [Header.SourceId]: Uuid(),
    [Header.ItemId]: ItemId(),
    [Header.ContentType]: Type.Optional(Type.Literal('application/json')),
    ...TRACE_HEADERS.headerProperties(),
  },
  {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId('wire.normalised.v1:headers'),
    title: 'Normalised item headers',
    description: 'The ids that follow the work from stage to stage, for logs and dead letters, and the W3C trace context.',
    additionalProperties: Type.String(),
  },
);
