import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED } from './env';

let validator: ValidateFunction | undefined;

/** IPTC's ninjs 3.1 schema, read in place from ../shared, with the GeoJSON schema it refers to. */
export function ninjs31(): ValidateFunction {
  if (validator) return validator;
  const dir = path.join(SHARED, 'contracts/ninjs/schema');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(path.join(dir, 'GeoJSON-schema.json'), 'utf8')));
  validator = ajv.compile(JSON.parse(readFileSync(path.join(dir, 'ninjs-schema_3.1.json'), 'utf8')));
  return validator;
}
