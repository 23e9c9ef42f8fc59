import { Command, Option } from 'commander';
import { loadConfig } from '@copydesk/config';
import { CliConfig } from '../cli.config';
import { PushOutcome, postWire, WireTarget } from '../push/post-wire';
import { listPushItems, PushInputError, PushItem } from '../push/push-items';
import { pushProgress } from '../push/push-progress';
import { formatSummary, summarise } from '../push/push-summary';
import { act, positiveInt, usageError } from './exit-status';

interface PushOptions {
  key?: string;
  url?: string;
  contentType?: string;
  capturedAt?: string;
  concurrency: number;
  retries: number;
  json?: boolean;
}

/** Runs `work` on every item, at most `concurrency` at a time, keeping each outcome in item order. */
async function pool<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  // A shared index handed out to N loops: the whole of a bounded pool, not worth a library.
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const loop = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, loop));
  return results;
}

async function push(inputs: string[], options: PushOptions, command: Command): Promise<number> {
  const config = loadConfig(CliConfig);
  const apiKey = options.key ?? config.COPYDESK_API_KEY;
  if (!apiKey) usageError(command, 'API_KEY_MISSING', 'give the source’s API key with --key or COPYDESK_API_KEY');
  const url = options.url ?? config.COPYDESK_INGEST_URL;
  if (!/^https?:\/\/[^/]/.test(url)) usageError(command, 'INVALID_URL', `--url must be an http:// or https:// address, not "${url}"`);
  if (options.capturedAt !== undefined && Number.isNaN(Date.parse(options.capturedAt))) {
    usageError(command, 'INVALID_CAPTURED_AT', '--captured-at must be an ISO 8601 time with a zone, e.g. 2025-03-21T10:00:00Z');
  }
  let items: PushItem[];
  try {
    items = await listPushItems(inputs);
  } catch (e) {
    if (e instanceof PushInputError) usageError(command, e.code, e.message);
    throw e;
  }
  const target: WireTarget = { url, apiKey, contentType: options.contentType, capturedAt: options.capturedAt, retries: options.retries, maxRetryWaitMs: 30_000 };

  const started = Date.now();
  const progress = pushProgress();
  progress.start(items.length);
  let outcomes: PushOutcome[];
  try {
    outcomes = await pool(items, options.concurrency, async (item) => {
      const outcome = await postWire(item, target);
      progress.done();
      return outcome;
    });
  } finally {
    progress.stop();
  }
  const summary = summarise(outcomes, Date.now() - started);
  process.stdout.write(options.json ? JSON.stringify(summary) + '\n' : formatSummary(summary));
  return summary.failed > 0 ? 1 : 0;
}

export function pushCommand(): Command {
  return new Command('push')
    .description('send copy to ingest (POST /v1/wire): files, folders (walked, dotfiles skipped) or - for standard input')
    .argument('<paths...>', 'files, folders, or - to read one item from standard input')
    .option('--key <apiKey>', 'the source’s API key (default: COPYDESK_API_KEY)')
    .option('--url <url>', 'ingest’s address (default: COPYDESK_INGEST_URL, else http://127.0.0.1:8081)')
    .option('--content-type <type>', 'the Content-Type of every item (default: by file extension, e-mail sniffed, else left to normalise)')
    .option('--captured-at <iso>', 'X-Captured-At for every item: when the copy was captured')
    .addOption(new Option('--concurrency <n>', 'requests in flight at once').default(4).argParser(positiveInt))
    .addOption(new Option('--retries <n>', 'tries after the first for 429 and 503 answers (after their Retry-After) and refused connections').default(5).argParser(positiveInt))
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
