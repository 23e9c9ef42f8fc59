import { Static, Type } from '@sinclair/typebox';
import { Header } from './headers';
import { HeaderFields } from './schemas/header-fields';
import { IsoInstant, JSON_SCHEMA_DIALECT, NonEmpty, schemaId } from './schemas/json-schema';

/** Longest error message and details text a dead letter carries in its headers. */
export const MAX_DEAD_LETTER_TEXT = 4000;

/** `wire.dlq.v1`: why a stage gave up on a message, and where the message was. */
export const DeadLetterReasonSchema = Type.Object({
  stage: NonEmpty({ description: 'The stage that gave up: normalise, dedupe, publish.' }),
  errorCode: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' }),
  errorMessage: Type.String({ maxLength: MAX_DEAD_LETTER_TEXT }),
  originalTopic: NonEmpty(),
  originalPartition: Type.Integer({ minimum: 0 }),
  originalOffset: Type.String({ pattern: '^[0-9]+$' }),
  originalKey: Type.Optional(Type.String({ description: 'The original key; empty when it had none.' })),
  attempts: Type.Integer({ minimum: 1 }),
  failedAt: IsoInstant(),
});
export type DeadLetterReason = Static<typeof DeadLetterReasonSchema>;

export const DEAD_LETTER_HEADERS = new HeaderFields(DeadLetterReasonSchema, {
  stage: Header.DlqStage,
  errorCode: Header.DlqErrorCode,
  errorMessage: Header.DlqErrorMessage,
  originalTopic: Header.DlqTopic,
  originalPartition: Header.DlqPartition,
  originalOffset: Header.DlqOffset,
  originalKey: Header.DlqKey,
  attempts: Header.DlqAttempts,
  failedAt: Header.DlqFailedAt,
});

/** `wire.dlq.v1` headers: the reason and the original coordinates; the original headers under `dlq-original-header-*`. */
export const DeadLetterHeadersSchema = Type.Object(
  {
    ...DEAD_LETTER_HEADERS.headerProperties(),
    [Header.DlqErrorDetails]: Type.Optional(Type.String({ description: `A JSON array, cut at ${MAX_DEAD_LETTER_TEXT} characters.` })),
  },
  {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId('wire.dlq.v1:headers'),
    title: 'Dead letter headers',
    description: "The reason and the original coordinates; the original message's headers under dlq-original-header-*, its ids as they were.",
    additionalProperties: Type.String(),
  },
);

/** `wire.dlq.v1` value: the original payload, untouched. */
export const DeadLetterPayloadSchema = Type.Unsafe<Buffer>({
  $schema: JSON_SCHEMA_DIALECT,
  $id: schemaId('wire.dlq.v1:payload'),
  title: 'Dead letter',
  description: 'The original message value, byte for byte (for wire.raw.v1, the raw copy).',
  type: 'string',
  contentMediaType: 'application/octet-stream',
});

/** A dead letter: the reason, the original message's headers, key and value as they were. */
export type DeadLetter = DeadLetterReason & {
  /** The details of the failure (validation errors, parser positions…). */
  errorDetails: unknown[];
  originalHeaders: Record<string, string>;
  key: string | null;
  value: Buffer | null;
};
