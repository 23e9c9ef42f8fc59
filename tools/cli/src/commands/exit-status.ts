import { Command, InvalidArgumentError } from 'commander';

/** Exit status of a command line used wrongly (missing or bad arguments): 2, as it has always been. */
export const USAGE_STATUS = 2;

/** Wraps an action that answers its exit status; main exits with it once the action is done. */
export function act<A extends unknown[]>(action: (...args: A) => Promise<number> | number): (...args: A) => Promise<void> {
  return async (...args: A) => {
    process.exitCode = await action(...args);
  };
}

/** Ends the command with a usage error: `CODE: message` on stderr, then exit 2. */
export function usageError(command: Command, code: string, message: string): never {
  return command.error(`${code}: ${message}`, { exitCode: USAGE_STATUS, code });
}

/** Parses a positive whole number option (`--limit`, `--concurrency`). */
export function positiveInt(text: string): number {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1) throw new InvalidArgumentError('must be a positive whole number');
  return Number(text);
}

/** Collects a repeatable option into a list (`--header A=1 --header B=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses a whole number option that may be 0 (`--partition`). */
export function wholeNumber(text: string): number {
  if (!/^[0-9]+$/.test(text)) throw new InvalidArgumentError('must be a whole number');
  return Number(text);
}
