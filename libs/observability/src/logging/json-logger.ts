import { LoggerService } from '@nestjs/common';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import { currentLogContext } from './log-context';

export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface JsonLoggerOptions {
  service: string;
  level?: Level;
  /** Where lines go (one JSON object each, without the newline); defaults to stdout. */
  write?: (line: string) => void;
}

/** Never written: credentials in headers, and keys and passwords in any logged object (one level deep). */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...['apiKey', 'password', 'token', 'secret', 'authorization', 'cookie'].flatMap((key) => [key, `*.${key}`]),
];

/**
 * The pino logger every Copydesk process writes through: one JSON object a line with time
 * (ISO 8601), level (its name), service, then the ids of the current log context
 * (`withLogContext`: submission, story, request…) and the fields of the call. Credentials are
 * replaced by `[redacted]` (REDACTED_PATHS).
 */
export function createPino(options: JsonLoggerOptions): pino.Logger {
  const write = options.write;
  const destination = write ? { write: (chunk: string) => write(chunk.replace(/\n$/, '')) } : pino.destination({ fd: 1, sync: true });
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => currentLogContext(),
      serializers: { err: (e: unknown) => (e instanceof Error ? serializeError(e) : e) },
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    },
    destination,
  );
}

/**
 * Nest's logger for a service, written by pino through nestjs-pino's `Logger`: a class's
 * `new Logger(Class.name)` lines carry it as `context`. Messages are constant strings; variable
 * data goes in fields: `logger.log({ msg, submissionId })`.
 */
export class JsonLogger implements LoggerService {
  /** The pino logger under it, for pino-http. */
  readonly pino: pino.Logger;
  private readonly nest: NestPinoLogger;

  constructor(options: JsonLoggerOptions) {
    this.pino = createPino(options);
    // nestjs-pino's Logger calls only the level methods of the PinoLogger it is given; a plain
    // pino logger has them, and keeps each JsonLogger apart (a PinoLogger shares one per process).
    this.nest = new NestPinoLogger(this.pino as unknown as PinoLogger, {});
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.nest.log(message, ...rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.nest.error(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.nest.warn(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.nest.debug(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.nest.debug(message, ...rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.nest.error(message, ...rest);
  }
}

export function serializeError(err: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { name: err.name, message: err.message };
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) out.code = code;
  if (err.stack) out.stack = err.stack.split('\n').slice(0, 8).join('\n');
  return out;
}
