import { LoggerService } from '@nestjs/common';
import { currentLogContext } from './log-context';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface JsonLoggerOptions {
  service: string;
  level?: Level;
  /** Where lines go; defaults to stdout. */
  write?: (line: string) => void;
}

/**
 * One JSON object a line: time, level, service, context (the class), msg, then ids.
 * Messages are constant strings; variable data goes in fields: `logger.log({ msg, submissionId })`.
 */
export class JsonLogger implements LoggerService {
  private readonly minRank: number;
  private readonly write: (line: string) => void;

  constructor(private readonly options: JsonLoggerOptions) {
    this.minRank = RANK[options.level ?? 'info'];
    this.write = options.write ?? ((line) => process.stdout.write(line + '\n'));
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }

  private emit(level: Level, message: unknown, rest: unknown[]): void {
    if (RANK[level] < this.minRank) return;
    // Nest passes (message, context) or (message, stack, context) for errors.
    const args = [...rest];
    const context = typeof args[args.length - 1] === 'string' ? (args.pop() as string) : undefined;
    const stack = typeof args[0] === 'string' && args[0].includes('\n    at ') ? (args.shift() as string) : undefined;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.options.service,
      ...(context ? { context } : {}),
      ...currentLogContext(),
    };
    if (message instanceof Error) {
      entry.msg = message.message;
      entry.err = serializeError(message);
    } else if (message !== null && typeof message === 'object') {
      Object.assign(entry, message);
      const err = (message as { err?: unknown }).err;
      if (err instanceof Error) entry.err = serializeError(err);
    } else {
      entry.msg = String(message);
    }
    if (stack) entry.stack = stack;
    this.write(safeStringify(entry));
  }
}

export function serializeError(err: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { name: err.name, message: err.message };
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) out.code = code;
  if (err.stack) out.stack = err.stack.split('\n').slice(0, 8).join('\n');
  return out;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  } catch {
    return JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'unserialisable log entry' });
  }
}
