import { ApiError } from './api-error';

/**
 * Runs a service's command-line entry and exits with its status. A refusal (`ApiError`) prints
 * `CODE: message` on stderr and exits 1, as the HTTP APIs answer the same refusal; anything else
 * prints `error: message` and exits 1.
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(e instanceof ApiError ? `${e.code}: ${e.message}\n` : `error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
