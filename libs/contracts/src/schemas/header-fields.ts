import { OptionalKind, Static, TObject, TProperties, TSchema, Type } from '@sinclair/typebox';

/** The header each field travels in. */
export type HeaderNames<T extends TProperties> = { readonly [K in keyof T]: string };

/**
 * Typed fields carried one per Kafka header (a raw submission's metadata, a CloudEvent's
 * attributes, the ids that follow the work). The fields' schema is the source: the header
 * schema is derived from it, integers travelling as decimal strings.
 */
export class HeaderFields<T extends TProperties> {
  constructor(
    readonly fields: TObject<T>,
    readonly names: HeaderNames<T>,
  ) {}

  /** The header properties of a headers schema, with each field's description. */
  headerProperties(): TProperties {
    const out: TProperties = {};
    for (const [field, schema] of Object.entries(this.fields.properties)) out[this.names[field]] = asHeader(schema);
    return out;
  }

  write(value: Static<TObject<T>>): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const field of Object.keys(this.fields.properties)) {
      const v = (value as Record<string, unknown>)[field];
      if (v !== undefined && v !== null) headers[this.names[field]] = String(v);
    }
    return headers;
  }

  /** The fields back from headers that were validated against `headerProperties()`. */
  read(headers: Record<string, string>): Static<TObject<T>> {
    const value: Record<string, unknown> = {};
    for (const [field, schema] of Object.entries(this.fields.properties)) {
      const v = headers[this.names[field]];
      if (v !== undefined) value[field] = schema.type === 'integer' ? Number(v) : v;
    }
    return value as Static<TObject<T>>;
  }
}

function asHeader(schema: TSchema): TSchema {
  if (schema.type !== 'integer') return schema;
  const digits = Type.String({
    ...(schema.description ? { description: schema.description } : {}),
    pattern: typeof schema.minimum === 'number' && schema.minimum >= 1 ? '^[1-9][0-9]*$' : '^[0-9]+$',
  });
  return schema[OptionalKind] ? Type.Optional(digits) : digits;
}
