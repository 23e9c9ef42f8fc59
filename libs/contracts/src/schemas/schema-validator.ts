import { TSchema } from '@sinclair/typebox';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { MessagePart, ValidationIssue } from '../errors/contract-error';

let shared: Ajv2020 | undefined;

/** One Ajv for every contract, made at the first validation: schemas compile into it once. */
function ajv(): Ajv2020 {
  if (!shared) {
    shared = new Ajv2020({ allErrors: true, strict: true });
    addFormats(shared);
  }
  return shared;
}

const MAX_TEXT = 120;

/**
 * A JSON Schema validator (Ajv, draft 2020-12, with ajv-formats) for one schema, compiled at
 * its first use and then kept. Two validators of one schema `$id` share the compiled function.
 */
export class SchemaValidator<T = unknown> {
  private compiled: ValidateFunction | undefined;

  constructor(readonly schema: TSchema) {}

  /** What is wrong with `data`, as issues of `part`; empty when it matches. */
  issues(data: unknown, part: MessagePart): ValidationIssue[] {
    const validate = this.validate();
    if (validate(data)) return [];
    return (validate.errors ?? []).map((e) => toIssue(part, e));
  }

  matches(data: unknown): data is T {
    return this.validate()(data);
  }

  private validate(): ValidateFunction {
    if (!this.compiled) {
      const id = this.schema.$id;
      this.compiled = (id ? ajv().getSchema(id) : undefined) ?? ajv().compile(this.schema);
    }
    return this.compiled;
  }
}

function toIssue(part: MessagePart, e: ErrorObject): ValidationIssue {
  let message = e.message ?? e.keyword;
  const extra = (e.params as { additionalProperty?: unknown }).additionalProperty;
  if (e.keyword === 'additionalProperties' && typeof extra === 'string') message = `must NOT have additional property "${extra}"`;
  return { part, instancePath: e.instancePath.slice(0, MAX_TEXT), message: message.slice(0, MAX_TEXT) };
}
