import { Static, Type } from '@sinclair/typebox';
import { IsoInstant, Sha256Hex, StringEnum } from './schemas/json-schema';

/*
 * The canonical item: what every wire format is parsed into. Pure data, JSON-safe.
 * Parsers in `@copydesk/wire-formats` produce it; `wire.normalised.v1` and `story.versions.v1`
 * carry it. The schemas below are the contract; the types are derived from them.
 */

export const WireFormatSchema = StringEnum(
  ['text-page', 'plain-text', 'ninjs', 'ap-media', 'nitf', 'newsml-1.2', 'newsml-g2', 'iptc7901', 'anpa1312', 'rss', 'atom', 'ritzau', 'email'],
  { description: 'The wire format the item was parsed from.' },
);
export type WireFormat = Static<typeof WireFormatSchema>;
export const WIRE_FORMATS: readonly WireFormat[] = WireFormatSchema.enum;

export const PubStatusSchema = StringEnum(['usable', 'withheld', 'canceled'], { description: 'IPTC publishing status.' });
export type PubStatus = Static<typeof PubStatusSchema>;
export const PUB_STATUSES: readonly PubStatus[] = PubStatusSchema.enum;

export const SignalSchema = StringEnum(['update', 'correction', 'kill']);
export type Signal = Static<typeof SignalSchema>;
export const SIGNALS: readonly Signal[] = SignalSchema.enum;

export const TimePrecisionSchema = StringEnum(['second', 'minute', 'day'], {
  description: 'How exact a source time is: a relative "4 sec ago" label is to the second, "06 September 2024" to the day.',
});
export type TimePrecision = Static<typeof TimePrecisionSchema>;
export const TIME_PRECISIONS: readonly TimePrecision[] = TimePrecisionSchema.enum;

export const SourceTimeSchema = Type.Object(
  {
    at: IsoInstant({ description: 'ISO 8601 instant (UTC). For day precision: midnight UTC of that calendar day.' }),
    precision: TimePrecisionSchema,
  },
  { additionalProperties: false },
);
export type SourceTime = Static<typeof SourceTimeSchema>;

export const BlockKindSchema = StringEnum(['paragraph', 'crosshead']);
export type BlockKind = Static<typeof BlockKindSchema>;

export const BodyBlockSchema = Type.Object({ kind: BlockKindSchema, text: Type.String() }, { additionalProperties: false });
export type BodyBlock = Static<typeof BodyBlockSchema>;

export const RenditionSchema = Type.Object(
  {
    name: Type.String({ description: 'The rendition\'s name as the wire gives it: "baseImage", "thumbnail", "original".' }),
    href: Type.Optional(Type.String()),
    mimeType: Type.Optional(Type.String()),
    width: Type.Optional(Type.Integer({ minimum: 0 })),
    height: Type.Optional(Type.Integer({ minimum: 0 })),
    sizeInBytes: Type.Optional(Type.Integer({ minimum: 0 })),
    poi: Type.Optional(
      Type.Object({ x: Type.Integer(), y: Type.Integer() }, { additionalProperties: false, description: 'Point of interest, in pixels from the top left.' }),
    ),
    residRef: Type.Optional(Type.String({ description: "The wire's id of the file (NewsML-G2 residref)." })),
  },
  { additionalProperties: false, description: 'One file of a picture, video or audio clip.' },
);
export type Rendition = Static<typeof RenditionSchema>;

export const MediaItemSchema = Type.Object(
  {
    kind: StringEnum(['picture', 'video', 'audio', 'graphic']),
    title: Type.Optional(Type.String({ description: 'The picture\'s own title, as its source names it: "Financial Markets".' })),
    caption: Type.Optional(Type.String()),
    credit: Type.Optional(Type.String({ description: 'Credit as printed, without brackets: "Reuters".' })),
    altText: Type.Optional(Type.String({ description: 'Text that stands for the picture where it cannot be seen.' })),
    href: Type.Optional(Type.String({ description: 'The file of the best rendition.' })),
    mimeType: Type.Optional(Type.String()),
    renditions: Type.Optional(Type.Array(RenditionSchema, { description: 'Every rendition the wire lists, in its order.' })),
  },
  { additionalProperties: false },
);
export type MediaItem = Static<typeof MediaItemSchema>;

export const SubjectSchema = Type.Object(
  { code: Type.Optional(Type.String()), name: Type.Optional(Type.String()), scheme: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export type Subject = Static<typeof SubjectSchema>;

export const PlaceSchema = Type.Object(
  { code: Type.Optional(Type.String()), name: Type.Optional(Type.String()), scheme: Type.Optional(Type.String()) },
  { additionalProperties: false, description: 'A place the story is about (not where it was filed from: that is the dateline).' },
);
export type Place = Static<typeof PlaceSchema>;

export const GenreSchema = Type.Object(
  { code: Type.Optional(Type.String()), name: Type.Optional(Type.String()), scheme: Type.Optional(Type.String()) },
  { additionalProperties: false, description: 'The nature of the story: interview, analysis, feature.' },
);
export type Genre = Static<typeof GenreSchema>;

export const AuthorSchema = Type.Object(
  {
    name: Type.String(),
    role: Type.Optional(Type.String({ description: 'As the wire gives it: "writer", "photographer", "creator", "contributor".' })),
    uri: Type.Optional(Type.String({ description: "The wire's id of the person: a URI or a QCode." })),
  },
  { additionalProperties: false, description: 'One author as a record; `byline` keeps the printed byline.' },
);
export type Author = Static<typeof AuthorSchema>;

export const WireLinkSchema = Type.Object(
  { rel: Type.String({ description: 'e.g. "irel:previousVersion"' }), guid: Type.String() },
  { additionalProperties: false },
);
export type WireLink = Static<typeof WireLinkSchema>;

export const WireIdentitySchema = Type.Object(
  {
    guid: Type.Optional(Type.String({ description: "The agency's stable id: ninjs uri, G2 guid, AP item id." })),
    version: Type.Optional(Type.String({ description: 'Opaque version string as the wire carries it. Never compare as a number.' })),
    slug: Type.Optional(Type.String({ description: 'The slugline: a short label the agency files the story under.' })),
    takeKey: Type.Optional(Type.String({ description: 'Take key or edition marker: "1st Ld-Writethru", "REFILE".' })),
    links: Type.Optional(Type.Array(WireLinkSchema)),
  },
  { additionalProperties: false },
);
export type WireIdentity = Static<typeof WireIdentitySchema>;

/** The canonical item, embedded wherever a payload carries one (so it has no `$id` of its own). */
export const CanonicalItemSchema = Type.Object(
  {
    format: WireFormatSchema,
    wire: WireIdentitySchema,
    headline: Type.String(),
    summary: Type.Array(Type.String(), { description: 'Summary bullets or abstract paragraphs, in order.' }),
    byline: Type.Optional(Type.String()),
    dateline: Type.Optional(Type.String({ description: 'Dateline as printed, without the trailing colon: "SEOUL".' })),
    body: Type.Array(BodyBlockSchema, { description: 'Body paragraphs, crossheads marked.' }),
    media: Type.Array(MediaItemSchema),
    language: Type.Optional(Type.String({ description: 'BCP 47 language tag where known.' })),
    subjects: Type.Array(SubjectSchema),
    urgency: Type.Optional(Type.Integer({ minimum: 1, maximum: 9, description: '1 (most urgent) .. 9' })),
    pubStatus: PubStatusSchema,
    signals: Type.Array(SignalSchema),
    embargo: Type.Optional(IsoInstant({ description: 'ISO instant until which the item must not be published.' })),
    firstCreated: Type.Optional(Type.String()),
    versionCreated: Type.Optional(Type.String()),
    edNote: Type.Optional(Type.String({ description: 'Editorial note: for the receiving editors, not for publication.' })),
    keywords: Type.Optional(Type.Array(Type.String(), { description: "The wire's keywords, in its order." })),
    places: Type.Optional(Type.Array(PlaceSchema)),
    genres: Type.Optional(Type.Array(GenreSchema)),
    authors: Type.Optional(Type.Array(AuthorSchema)),
    usageTerms: Type.Optional(Type.String({ description: 'Usage terms as the wire states them: "NO ARCHIVAL USE".' })),
    expires: Type.Optional(IsoInstant({ description: 'ISO instant after which the provider no longer wants the item used.' })),
    sourceUpdated: Type.Optional({
      ...SourceTimeSchema,
      description: 'When the source says the story was last updated, with the precision it says it at.',
    }),
    contentHash: Sha256Hex({ description: 'Hex SHA-256 over the NFC-normalised text without page furniture or relative labels.' }),
  },
  {
    title: 'Canonical item',
    description: 'What every wire format is parsed into: one story found in one submission.',
    additionalProperties: false,
  },
);
export type CanonicalItem = Static<typeof CanonicalItemSchema>;
