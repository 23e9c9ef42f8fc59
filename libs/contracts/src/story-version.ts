import { Static, Type } from '@sinclair/typebox';
import { CanonicalItemSchema, TimePrecisionSchema } from './canonical-item';
import { Header } from './headers';
import { TRACE_HEADERS } from './message-context';
import { IsoInstant, ItemId, JSON_SCHEMA_DIALECT, schemaId, StringEnum, Uuid } from './schemas/json-schema';

export const VersionKindSchema = StringEnum(['created', 'updated', 'corrected', 'withdrawn'], {
  description: 'What dedupe decided about an item that made a new story version.',
});
export type VersionKind = Static<typeof VersionKindSchema>;
export const VERSION_KINDS: readonly VersionKind[] = VersionKindSchema.enum;

export const MatchBasisSchema = StringEnum(['none', 'wire-guid', 'wire-link', 'headline', 'near-duplicate'], {
  description: 'How the item was recognised as belonging to its story.',
});
export type MatchBasis = Static<typeof MatchBasisSchema>;

export const MatchEvidenceSchema = Type.Object(
  {
    basis: MatchBasisSchema,
    score: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Similarity score where text decided, 0..1.' })),
    comparedVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'The story version the item was compared with.' })),
    reason: Type.String(),
    rule: Type.Optional(Type.String({ description: 'The text-matching rule that fired: "near-copy", "contained", "write-through", "flash-headline"...' })),
    scores: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean()]), {
        description: 'The measures text matching looked at (Jaccard, containment, headline similarity...).',
      }),
    ),
    candidates: Type.Optional(Type.Integer({ minimum: 0, description: 'How many candidate stories the index returned for the item.' })),
  },
  { description: 'What matched: wire guid, exact hash, near-duplicate score, and why.' },
);
export type MatchEvidence = Static<typeof MatchEvidenceSchema>;

/**
 * `story.versions.v1` value, keyed by story id. Fields added later are optional, so the schema
 * allows properties it does not name (the canonical item excepted).
 */
export const StoryVersionMessageSchema = Type.Object(
  {
    storyId: Uuid(),
    version: Type.Integer({ minimum: 1 }),
    kind: VersionKindSchema,
    current: Type.Boolean({ description: 'False for a late, older version that goes into history without becoming current.' }),
    sourceId: Uuid(),
    submissionId: Uuid(),
    itemId: ItemId(),
    storyCreatedAt: IsoInstant({ description: 'When the story was first seen.' }),
    decidedAt: IsoInstant({ description: 'When this version was decided.' }),
    updatedAt: IsoInstant({ description: "The time the story reads as updated at: the source's time if it gave one, else the decision time." }),
    updatedPrecision: TimePrecisionSchema,
    match: MatchEvidenceSchema,
    item: CanonicalItemSchema,
  },
  {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId('story.versions.v1:payload'),
    title: 'Story version',
    description: "Dedupe's decision that an item made a new version of a story.",
  },
);
export type StoryVersionMessage = Static<typeof StoryVersionMessageSchema>;

/** `story.versions.v1` headers. */
export const StoryVersionHeadersSchema = Type.Object(
  {
    [Header.StoryId]: Uuid(),
    [Header.SubmissionId]: Uuid(),
    [Header.SourceId]: Uuid(),
    [Header.ItemId]: ItemId(),
    [Header.ContentType]: Type.Optional(Type.Literal('application/json')),
    ...TRACE_HEADERS.headerProperties(),
  },
  {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId('story.versions.v1:headers'),
    title: 'Story version headers',
    description: 'The ids that follow the work from stage to stage, for logs and dead letters, and the W3C trace context.',
    additionalProperties: Type.String(),
  },
);
