import { Header } from '../headers';
import { ISO_INSTANT, JSON_SCHEMA_DIALECT, JsonSchema, NINJS_31_SCHEMA_ID, NON_EMPTY, schemaId, UUID } from './json-schema';

export const STORY_EVENT_TYPES = ['story.created', 'story.updated', 'story.corrected', 'story.withdrawn'] as const;
export type StoryEventType = (typeof STORY_EVENT_TYPES)[number];

/** `story.published.v1` and `story.latest.v1` headers: CloudEvents 1.0 attributes, Kafka binary binding, and Copydesk's ids. */
export const storyEventHeadersSchema: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: schemaId('story.published.v1:headers'),
  title: 'Published story event headers',
  type: 'object',
  required: [Header.CeSpecVersion, Header.CeId, Header.CeSource, Header.CeType, Header.CeTime, Header.ContentType, Header.StoryId],
  properties: {
    [Header.CeSpecVersion]: { const: '1.0' },
    [Header.CeId]: { type: 'string', pattern: '^[0-9a-f-]{36}:[1-9][0-9]*$', description: '`${storyId}:${version}`: the same version always has the same id.' },
    [Header.CeSource]: { ...NON_EMPTY, format: 'uri-reference' },
    [Header.CeType]: { enum: [...STORY_EVENT_TYPES] },
    [Header.CeTime]: { ...ISO_INSTANT, description: 'When publish recorded the version.' },
    [Header.CeSubject]: UUID,
    [Header.CeDataSchema]: { type: 'string', format: 'uri' },
    [Header.ContentType]: { const: 'application/json' },
    [Header.StoryId]: UUID,
    [Header.SubmissionId]: UUID,
    [Header.SourceId]: UUID,
    [Header.ItemId]: { type: 'string' },
  },
  additionalProperties: { type: 'string' },
};

/** `story.published.v1` and `story.latest.v1` value: an IPTC ninjs 3.1 document, by reference to IPTC's schema. */
export const storyPublishedSchema: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: schemaId('story.published.v1:payload'),
  title: 'Published story (IPTC ninjs 3.1)',
  $ref: NINJS_31_SCHEMA_ID,
};
