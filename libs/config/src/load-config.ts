import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const own = Object.values(e.constraints ?? {}).map((m) => `${prefix}${m}`);
    return [...own, ...flatten(e.children ?? [], `${prefix}${e.property}.`)];
  });
}

/**
 * Reads the environment once into a validated, typed configuration object.
 * Class properties are environment variable names; defaults are property initialisers.
 * Empty strings count as unset.
 */
export function loadConfig<T extends object>(cls: new () => T, env: Env = process.env): T {
  const defaults = new cls();
  const plain: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    const fallback = plain[key];
    // Convert by the default's type, so a property needs no type annotation to be parsed.
    if (typeof fallback === 'number') plain[key] = /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
    else if (typeof fallback === 'boolean')
      plain[key] = ['true', '1', 'yes'].includes(value.toLowerCase()) ? true : ['false', '0', 'no'].includes(value.toLowerCase()) ? false : value;
    else plain[key] = value;
  }
  const instance = plainToInstance(cls, plain);
  const errors = validateSync(instance, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(flatten(errors));
  return instance;
}
