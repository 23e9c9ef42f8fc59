import { Static, Type } from '@sinclair/typebox';
import { IsoInstant, JSON_SCHEMA_DIALECT, NINJS_31_SCHEMA_ID, NonEmpty, schemaId, StringEnum } from './schemas/json-schema';

// Copydesk's own description of the ninjs documents it writes. Every object allows further
// properties (JSON Schema's default): a field added later must not break a consumer that
// validates by this schema. IPTC's schema stays the reference for the whole standard.

const Text = (description: string) => Type.String({ description });

/** A headline, description or body: a text, what it is for and how it is written. */
const TextBlock = (description: string, extra = {}) =>
  Type.Object(
    {
      role: Type.Optional(Text('What the text is for: `main` for a headline or body, `summary`, `caption`, `creditline` or `alt` for a description.')),
      contentType: Type.Optional(Text('The media type of the text: `text/plain` or `text/html`.')),
      ...extra,
      value: Text('The text itself.'),
    },
    { description },
  );

/** A subject, place, genre or person: a name, and an identifier as a URI or, where it is none, a literal. */
const Concept = (description: string) =>
  Type.Object(
    {
      name: Type.Optional(Text('Its name, as people read it.')),
      rel: Type.Optional(Text('How the story relates to it, e.g. `keyword` for a wire keyword, or an author’s role.')),
      uri: Type.Optional(Type.String({ format: 'uri', description: 'Its identifier, as an absolute URI (`medtop:20000001`, an http vocabulary).' })),
      literal: Type.Optional(Text('Its identifier where it makes no URI: the wire’s `scheme:code`, or the bare code.')),
    },
    { description },
  );

const Rendition = Type.Object(
  {
    name: NonEmpty({ description: 'Which rendition: `original` for the one file the wire names, else the wire’s name for it.' }),
    href: Type.Optional(Type.String({ format: 'uri', description: 'Where the file is: always an http or https URL.' })),
    contentType: Type.Optional(Text('The file’s media type.')),
    width: Type.Optional(Type.Integer({ description: 'In pixels.' })),
    height: Type.Optional(Type.Integer({ description: 'In pixels.' })),
    sizeInBytes: Type.Optional(Type.Integer()),
    poi: Type.Optional(Type.Object({ x: Type.Integer(), y: Type.Integer() }, { description: 'The point of interest, in pixels from the top left.' })),
  },
  { description: 'One file of the media.' },
);

const Association = Type.Object(
  {
    name: NonEmpty({ description: 'The association’s name in this story: `picture1`, `video2`….' }),
    uri: Type.String({ format: 'uri', description: 'The media’s identifier: the story’s uri, then `:media:<n>`.' }),
    rel: Type.Optional(Type.Literal('illustration')),
    type: Type.Optional(StringEnum(['picture', 'video', 'audio', 'graphic'])),
    descriptions: Type.Optional(Type.Array(TextBlock('Its caption, credit line or alt text (roles `caption`, `creditline`, `alt`).'))),
    by: Type.Optional(Text('The credit as printed, e.g. "Reuters".')),
    renditions: Type.Optional(Type.Array(Rendition)),
  },
  { description: 'A picture, video, audio clip or graphic that goes with the story.' },
);

/**
 * The ninjs 3.1 document of a story version, as Copydesk publishes it on `story.published.v1` and
 * `story.latest.v1` and answers it in the publish API. Written from what the ninjs mapper emits.
 */
export const NinjsDocumentSchema = Type.Object(
  {
    uri: Type.String({ format: 'uri', description: 'The story’s identifier (`<base>:story:<story id>`): the same for every version.' }),
    type: Type.Literal('text'),
    version: Type.String({ pattern: '^[1-9][0-9]*$', description: 'The version number, as a string.' }),
    firstCreated: Type.Optional(IsoInstant({ description: 'When the story was first created (the wire’s time, else when Copydesk first saw it).' })),
    versionCreated: IsoInstant({ description: 'When this version was created.' }),
    pubStatus: StringEnum(['usable', 'withheld', 'canceled'], { description: '`canceled` for a withdrawn story.' }),
    urgency: Type.Optional(Type.Integer({ minimum: 1, maximum: 9, description: '1 is the most urgent.' })),
    language: Type.Optional(Text('The language of the copy (BCP 47).')),
    headlines: Type.Array(TextBlock('A headline (role `main`).'), { minItems: 1 }),
    descriptions: Type.Optional(Type.Array(TextBlock('A summary point (role `summary`).'))),
    bodies: Type.Optional(
      Type.Array(
        TextBlock('The body (role `main`), once as plain text and once as HTML.', {
          charCount: Type.Optional(Type.Integer()),
          wordCount: Type.Optional(Type.Integer()),
        }),
      ),
    ),
    by: Type.Optional(Text('The byline, as printed.')),
    located: Type.Optional(Text('The dateline: where the story was filed from.')),
    slugline: Type.Optional(Text('The wire’s slug.')),
    edNote: Type.Optional(Text('The wire’s note to editors: not for publication.')),
    usageTerms: Type.Optional(Text('The wire’s terms of use of the copy.')),
    embargoedUntil: Type.Optional(IsoInstant({ description: 'Not to be published before this time.' })),
    expires: Type.Optional(IsoInstant({ description: 'When the story stops being editorially relevant.' })),
    subjects: Type.Optional(Type.Array(Concept('A subject code, or a wire keyword (rel `keyword`).'))),
    people: Type.Optional(Type.Array(Concept('An author: the name, the role as the relation.'))),
    places: Type.Optional(Type.Array(Concept('A place the story is about.'))),
    genres: Type.Optional(Type.Array(Concept('A genre of the story.'))),
    associations: Type.Optional(Type.Array(Association)),
    altIds: Type.Optional(Type.Array(Type.Object({ role: Type.Optional(Text('`wire-guid` for the wire’s own id.')), value: Text('The id.') }))),
  },
  {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId('story.published.v1:payload'),
    title: 'Published story (IPTC ninjs 3.1, as Copydesk writes it)',
    description:
      `The subset of IPTC ninjs 3.1 that Copydesk emits, in Copydesk's own words: every document Copydesk publishes is valid against this schema ` +
      `and against IPTC's ninjs 3.1 schema (${NINJS_31_SCHEMA_ID}). Properties not listed here may appear in later versions: consumers should ignore what they do not know.`,
    externalDocs: { description: "IPTC's ninjs 3.1 schema, the reference for every property", url: NINJS_31_SCHEMA_ID },
  },
);
export type NinjsDocumentShape = Static<typeof NinjsDocumentSchema>;
