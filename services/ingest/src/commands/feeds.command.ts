import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '@copydesk/config';
import { assertMigrated } from '@copydesk/database';
import { runCommand } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { createIngestDataSource, INGEST_SCHEMA } from '../database/ingest-data-source';
import { FeedsRepository } from '../feeds/feeds.repository';
import { FeedsService } from '../feeds/feeds.service';
import { SourcesRepository } from '../sources/sources.repository';

const USAGE = 'usage: copydesk feeds add URL --source NAME [--every 60s] | list | remove ID|URL';

type Command = { verb: 'add'; url: string; source: string; every?: string } | { verb: 'list' } | { verb: 'remove'; ref: string };

/** The command line as one verb and its arguments; undefined when it does not make sense. */
function readCommand(args: string[]): Command | undefined {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { source: { type: 'string' }, every: { type: 'string' } } });
  } catch {
    return undefined;
  }
  const [verb, ...rest] = parsed.positionals;
  const { source, every } = parsed.values;
  if (verb === 'add' && rest.length === 1 && source) return { verb, url: rest[0], source, every };
  if (source !== undefined || every !== undefined) return undefined;
  if (verb === 'list' && rest.length === 0) return { verb };
  if (verb === 'remove' && rest.length === 1) return { verb, ref: rest[0] };
  return undefined;
}

/** Runs one verb; what it prints is one JSON object a line. */
async function run(feeds: FeedsService, command: Command): Promise<unknown[]> {
  switch (command.verb) {
    case 'add':
      return [await feeds.add(command.url, command.source, command.every)];
    case 'list':
      return feeds.list();
    case 'remove':
      return [await feeds.remove(command.ref)];
  }
}

/**
 * `copydesk feeds add URL --source NAME [--every 60s]` prints the new feed; `list` one feed a
 * line with its poll status (last poll, status, last error, failures in a row, next poll,
 * documents taken); `remove ID|URL` prints {"id","url","removed":true}. A running ingest
 * polls a feed added here within INGEST_FEED_SCAN_SECONDS.
 */
async function main(args: string[]): Promise<number> {
  const command = readCommand(args);
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const dataSource = createIngestDataSource(loadConfig(IngestConfig).DATABASE_URL);
  await dataSource.initialize();
  try {
    await assertMigrated(dataSource, INGEST_SCHEMA);
    for (const line of await run(new FeedsService(new FeedsRepository(dataSource), new SourcesRepository(dataSource)), command)) {
      process.stdout.write(JSON.stringify(line) + '\n');
    }
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

runCommand(() => main(process.argv.slice(2)));
