import { AsyncLocalStorage } from 'node:async_hooks';

/** Ids that follow a piece of work through every log line: submission, item, story, request. */
export type LogFields = Record<string, string | number | boolean | undefined>;

const storage = new AsyncLocalStorage<LogFields>();

export function withLogContext<T>(fields: LogFields, fn: () => T): T {
  return storage.run({ ...(storage.getStore() ?? {}), ...fields }, fn);
}

export function currentLogContext(): LogFields {
  return storage.getStore() ?? {};
}
