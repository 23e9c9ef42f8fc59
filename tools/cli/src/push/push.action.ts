import { Command } from 'commander';
import { loadConfig } from '@copydesk/config';
import { CliConfig } from '../cli.config';
import { PushOutcome, postWire, WireTarget } from './post-wire';
import { listPushItems, PushInputError, PushItem } from './push-items';
import { pushProgress } from './push-progress';
import { formatSummary, summarise } from './push-summary';
import { usageError } from '../commands/exit-status';

export interface PushOptions {
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

export async function push(inputs: string[], options: PushOptions, command: Command): Promise<number> {
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
  const target: WireTarget = {
    url,
    apiKey,
    contentType: options.contentType,
    capturedAt: options.capturedAt,
    retries: options.retries,
    maxRetryWaitMs: 30_000,
  };

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
