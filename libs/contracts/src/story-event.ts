import { Static, Type } from '@sinclair/typebox';
import { Header } from './headers';
import { CLOUD_EVENT_TRACE_HEADERS, TRACE_HEADERS } from './message-context';
import { HeaderFields } from './schemas/header-fields';
import { NinjsDocumentSchema } from './ninjs-document';
import { IsoInstant, ItemId, JSON_SCHEMA_DIALECT, NonEmpty, schemaId, StringEnum, Uuid } from './schemas/json-schema';

export const StoryEventTypeSchema = StringEnum(['story.created', 'story.updated', 'story.corrected', 'story.withdrawn'], {
  description: 'ninjs has no field for update versus correction: the event type carries it.',
});
export type StoryEventType = Static<typeof StoryEventTypeSchema>;
export const STORY_EVENT_TYPES: readonly StoryEventType[] = StoryEventTypeSchema.enum;

/** `story.published.v1` and `story.latest.v1`: CloudEvents 1.0 attributes (Kafka binary binding) and Copydesk's ids. */
export const StoryEventAttributesSchema = Type.Object({
  specversion: Type.Literal('1.0'),
  id: Type.String({ pattern: '^[0-9a-f-]{36}:[1-9][0-9]*$', description: '`${storyId}:${version}`: the same version always has the same id.' }),
  source: NonEmpty({ format: 'uri-reference' }),
  type: StoryEventTypeSchema,
  time: IsoInstant({ description: 'When publish recorded the version.' }),
  subject: Type.Optional(Uuid({ description: 'The story id.' })),
  dataschema: Type.Optional(Type.String({ format: 'uri', description: 'The schema of the data: IPTC ninjs 3.1.' })),
  storyId: Uuid(),
  submissionId: Type.Optional(Uuid()),
  sourceId: Type.Optional(Uuid()),
  itemId: Type.Optional(ItemId()),
});
export type StoryEventAttributes = Static<typeof StoryEventAttributesSchema>;

export const STORY_EVENT_HEADERS = new HeaderFields(StoryEventAttributesSchema, {
  specversion: Header.CeSpecVersion,
  id: Header.CeId,
  source: Header.CeSource,
  type: Header.CeType,
  time: Header.CeTime,
  subject: Header.CeSubject,
  dataschema: Header.CeDataSchema,
  storyId: Header.StoryId,
  submissionId: Header.SubmissionId,
  sourceId: Header.SourceId,
  itemId: Header.ItemId,
});

/** `story.published.v1` and `story.latest.v1` headers. */
export const StoryEventHeadersSchema = Type.Object(
  {
    ...STORY_EVENT_HEADERS.headerProperties(),
    [Header.ContentType]: Type.Literal('application/json'),
    ...TRACE_HEADERS.headerProperties(),
    ...CLOUD_EVENT_TRACE_HEADERS.headerProperties(),
  },
  {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId('story.published.v1:headers'),
    title: 'Published story event headers',
    description:
      "CloudEvents 1.0 attributes in the Kafka binary binding (the distributed tracing extension's among them), Copydesk's ids and the W3C trace context.",
    additionalProperties: Type.String(),
  },
);

/**
 * `story.published.v1` and `story.latest.v1` value: an IPTC ninjs 3.1 document, described by
 * Copydesk's own schema of what it writes (`NinjsDocumentSchema`, self-contained: no reference
 * leaves it). This is the contract documents show.
 */
export const StoryPublishedPayloadSchema = NinjsDocumentSchema;

/**
 * What decoding checks of the value for now: an object with a string `uri` (the story's
 * stable ninjs uri). The contract tests check the documents publish writes against
 * NinjsDocumentSchema and against IPTC's ninjs 3.1 schema.
 */
export const PublishedStoryDocumentSchema = Type.Object({ uri: NonEmpty() }, { title: 'Published story (checked on decode: an object with a string uri)' });
export type PublishedStoryDocument = Static<typeof PublishedStoryDocumentSchema>;

/** A published story event: its attributes and its data, the ninjs document. */
export type StoryEvent = StoryEventAttributes & { data: PublishedStoryDocument };
