import { Command, Option } from 'commander';
import type { PushOptions } from '../push/push.action';
import { act, positiveInt } from './exit-status';

// The work is loaded when the command runs, so `--help` and the other commands start fast.
const push = async (paths: string[], options: PushOptions, command: Command) => (await import('../push/push.action')).push(paths, options, command);

export function pushCommand(): Command {
  return new Command('push')
    .description('send copy to ingest (POST /v1/wire): files, folders (walked, dotfiles skipped) or - for standard input')
    .argument('<paths...>', 'files, folders, or - to read one item from standard input')
    .option('--key <apiKey>', 'the source’s API key (default: COPYDESK_API_KEY)')
    .option('--url <url>', 'ingest’s address (default: COPYDESK_INGEST_URL, else http://127.0.0.1:8081)')
    .option('--content-type <type>', 'the Content-Type of every item (default: by file extension, e-mail sniffed, else left to normalise)')
    .option('--captured-at <iso>', 'X-Captured-At for every item: when the copy was captured')
    .addOption(new Option('--concurrency <n>', 'requests in flight at once').default(4).argParser(positiveInt))
    .addOption(
      new Option('--retries <n>', 'tries after the first for 429 and 503 answers (after their Retry-After) and refused connections')
        .default(5)
        .argParser(positiveInt),
    )
    .option('--json', 'print the summary as one JSON object on stdout')
    .addHelpText(
      'after',
      `
Each item's Idempotency-Key is the SHA-256 of its bytes: pushing the same files again submits nothing
twice (they count as duplicates). Progress goes to stderr (a bar on a terminal); the summary, with each
failure's error code, to stdout. Exit status 1 when any item failed.

Examples:
  $ COPYDESK_API_KEY=cdk_… copydesk push ./copy/
  $ copydesk push story.xml --key cdk_… --url http://ingest:8081 --captured-at 2025-03-21T10:00:00Z
  $ curl -s https://example.com/page | copydesk push - --content-type text/plain --json`,
    )
    .action(act(push));
}
