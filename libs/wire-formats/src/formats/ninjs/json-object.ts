import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse with the failure turned into MALFORMED_INPUT (JSON.parse is linear and non-recursive in V8). */
export function parseJsonPayload(text: string, format: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new WireFormatError(WireFormatErrorCode.MALFORMED_INPUT, `The ${format} payload is not valid JSON`, {
      reason: 'invalid-json',
      cause: error instanceof Error ? error.message.slice(0, 200) : String(error),
    });
  }
}

/** The first of the named fields that is present and not null. */
export function field(object: JsonObject, ...names: readonly string[]): unknown {
  for (const name of names) {
    const value = object[name];
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** A string (or number) field, trimmed; undefined when absent or blank. */
export function stringField(object: JsonObject, ...names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = object[name];
    const text = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
    if (text !== '') return text;
  }
  return undefined;
}

export function objectField(object: JsonObject, ...names: readonly string[]): JsonObject | undefined {
  const value = field(object, ...names);
  return isJsonObject(value) ? value : undefined;
}

/** The objects of a list field; a lone object counts as a list of one. */
export function objectList(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isJsonObject);
  return isJsonObject(value) ? [value] : [];
}

/** The strings of a list field; a lone string counts as a list of one. */
export function stringList(value: unknown): string[] {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '').map((entry) => entry.trim());
}
