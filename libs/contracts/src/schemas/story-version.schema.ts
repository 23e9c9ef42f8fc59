import { TIME_PRECISIONS } from '../canonical-item';
import { VERSION_KINDS } from '../story-version';
import { canonicalItemDefinition } from './canonical-item.schema';
import { ISO_INSTANT, JSON_SCHEMA_DIALECT, JsonSchema, schemaId, UUID } from './json-schema';

/** `story.versions.v1` value (see `StoryVersionMessage`). Fields added later are optional, so this schema allows them. */
export const storyVersionSchema: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: schemaId('story.versions.v1:payload'),
  title: 'Story version',
  description: "Dedupe's decision that an item made a new version of a story.",
  type: 'object',
  required: ['storyId', 'version', 'kind', 'current', 'sourceId', 'submissionId', 'itemId', 'storyCreatedAt', 'decidedAt', 'updatedAt', 'updatedPrecision', 'match', 'item'],
  properties: {
    storyId: UUID,
    version: { type: 'integer', minimum: 1 },
    kind: { enum: [...VERSION_KINDS] },
    current: { type: 'boolean', description: 'False for a late, older version that goes into history only.' },
    sourceId: UUID,
    submissionId: UUID,
    itemId: { type: 'string' },
    storyCreatedAt: ISO_INSTANT,
    decidedAt: ISO_INSTANT,
    updatedAt: ISO_INSTANT,
    updatedPrecision: { enum: [...TIME_PRECISIONS] },
    match: {
      type: 'object',
      required: ['basis', 'reason'],
      properties: {
        basis: { enum: ['none', 'wire-guid', 'wire-link', 'headline', 'near-duplicate'] },
        score: { type: 'number', minimum: 0, maximum: 1 },
        comparedVersion: { type: 'integer', minimum: 1 },
        reason: { type: 'string' },
      },
    },
    item: canonicalItemDefinition,
  },
};
