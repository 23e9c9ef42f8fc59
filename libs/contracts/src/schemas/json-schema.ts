/** A JSON Schema (draft 2020-12) as a plain object. */
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

export const ISO_INSTANT = { type: 'string', format: 'date-time' } as const;
export const UUID = { type: 'string', format: 'uuid' } as const;
export const NON_EMPTY = { type: 'string', minLength: 1 } as const;
