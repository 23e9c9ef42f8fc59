import { Static, Type } from '@sinclair/typebox';
import { Header } from './headers';
import { TRACE_HEADERS } from './message-context';
import { HeaderFields } from './schemas/header-fields';
import { IsoInstant, JSON_SCHEMA_DIALECT, NonEmpty, schemaId, Sha256Hex, Uuid } from './schemas/json-schema';

/**
 * `wire.raw.v1`: the body exactly as the newsroom sent it is the message value; the
 * submission's metadata travels in headers, one field a header.
 */
export const RawSubmissionMetaSchema = Type.Object({
  submissionId: Uuid(),
  sourceId: Uuid(),
  receivedAt: IsoInstant({ description: 'ISO instant the request reached ingest.' }),
  capturedAt: IsoInstant({ description: 'ISO instant the copy was captured (`X-Captured-At`), else the receive time.' }),
  contentType: NonEmpty({
    description:
      'As sent, e.g. "text/plain; charset=utf-8"; "application/octet-stream" when none was sent. Its charset parameter is the declared charset normalise decodes by.',
  }),
  size: Type.Integer({ minimum: 0, description: 'Bytes in the value.' }),
  sha256: Sha256Hex({ description: 'Hex SHA-256 of the value.' }),
});
export type RawSubmissionMeta = Static<typeof RawSubmissionMetaSchema>;

export type RawSubmission = RawSubmissionMeta & {
  /** The copy, byte for byte. */
  body: Buffer;
};

export const RAW_SUBMISSION_HEADERS = new HeaderFields(RawSubmissionMetaSchema, {
  submissionId: Header.SubmissionId,
  sourceId: Header.SourceId,
  receivedAt: Header.ReceivedAt,
  capturedAt: Header.CapturedAt,
  contentType: Header.ContentType,
  size: Header.Size,
  sha256: Header.Sha256,
});

/** `wire.raw.v1` headers: the submission's metadata and the W3C trace context. */
export const RawSubmissionHeadersSchema = Type.Object(
  { ...RAW_SUBMISSION_HEADERS.headerProperties(), ...TRACE_HEADERS.headerProperties() },
  {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId('wire.raw.v1:headers'),
    title: 'Raw submission headers',
    description: "The submission's metadata, one field a header, and the W3C trace context.",
    additionalProperties: Type.String(),
  },
);

/** `wire.raw.v1` value: exactly the bytes the newsroom sent. */
export const RawSubmissionPayloadSchema = Type.Unsafe<Buffer>({
  $schema: JSON_SCHEMA_DIALECT,
  $id: schemaId('wire.raw.v1:payload'),
  title: 'Raw submission',
  description: 'The request body exactly as received, in any format and charset; described by the headers.',
  type: 'string',
  contentMediaType: 'application/octet-stream',
});
