import { SchemaOptions, StringOptions, TSchema, TString, TUnsafe, Type } from '@sinclair/typebox';

/** A JSON Schema (draft 2020-12) as a plain object, without TypeBox's symbols: what documents and other tools get. */
export type JsonSchema = { [keyword: string]: unknown };

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Schema ids are URNs: they name a contract and are never fetched. */
export function schemaId(name: string): string {
  return `urn:copydesk:schema:${name}`;
}

/** `$id` of IPTC's ninjs 3.1 schema: published story events validate against it. */
export const NINJS_31_SCHEMA_ID = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json';
/** `$id` of the GeoJSON schema the ninjs schema refers to. */
export const GEOJSON_SCHEMA_ID = 'https://geojson.org/schema/GeoJSON.json';

/** The plain JSON Schema of a TypeBox schema. */
export function toJsonSchema(schema: TSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema)) as JsonSchema;
}

/** An ISO 8601 instant with its zone (RFC 3339 date-time). */
export const IsoInstant = (options: StringOptions = {}): TString => Type.String({ ...options, format: 'date-time' });
export const Uuid = (options: StringOptions = {}): TString => Type.String({ ...options, format: 'uuid' });
export const NonEmpty = (options: StringOptions = {}): TString => Type.String({ ...options, minLength: 1 });
/** Lower-case hex SHA-256. */
export const Sha256Hex = (options: StringOptions = {}): TString => Type.String({ ...options, pattern: '^[0-9a-f]{64}$' });
/** `${submissionId}:${itemIndex}`. */
export const ItemId = (options: StringOptions = {}): TString => Type.String({ ...options, pattern: '^[0-9a-f-]{36}:[0-9]+$' });

/** A string out of a fixed list, as `{ type: "string", enum: [...] }`; its static type is the union of the values. */
export type TStringEnum<T extends readonly string[]> = TUnsafe<T[number]> & { type: 'string'; enum: T };

export function StringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}): TStringEnum<T> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] }) as TStringEnum<T>;
}
