import { Header } from '../headers';
import { JSON_SCHEMA_DIALECT, JsonSchema, schemaId, UUID } from './json-schema';

function traceHeaders(topic: string, required: string[]): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId(`${topic}:headers`),
    title: 'Trace headers',
    description: 'The ids that follow the work from stage to stage, for logs and dead letters.',
    type: 'object',
    required,
    properties: {
      [Header.SubmissionId]: UUID,
      [Header.SourceId]: UUID,
      [Header.ItemId]: { type: 'string', pattern: '^[0-9a-f-]{36}:[0-9]+$' },
      [Header.StoryId]: UUID,
      [Header.ContentType]: { const: 'application/json' },
    },
    additionalProperties: { type: 'string' },
  };
}

/** `wire.normalised.v1` headers. */
export const normalisedItemHeadersSchema = traceHeaders('wire.normalised.v1', [Header.SubmissionId, Header.SourceId, Header.ItemId]);
/** `story.versions.v1` headers. */
export const storyVersionHeadersSchema = traceHeaders('story.versions.v1', [Header.StoryId, Header.SubmissionId, Header.SourceId, Header.ItemId]);
