import 'reflect-metadata';
import { loadConfig } from '@copydesk/config';
import { assertMigrated } from '@copydesk/database';
import { runCommand } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { createIngestDataSource, INGEST_SCHEMA } from '../database/ingest-data-source';
import { SourcesRepository } from '../sources/sources.repository';
import { SourcesService } from '../sources/sources.service';

const USAGE = 'usage: copydesk sources add NAME | list | disable NAME|ID | rotate NAME|ID';

type Verb = 'add' | 'list' | 'disable' | 'rotate';
const VERBS: readonly string[] = ['add', 'list', 'disable', 'rotate'] satisfies Verb[];

/** Runs one verb; what it prints is one JSON object a line. */
async function run(sources: SourcesService, verb: Verb, arg: string): Promise<unknown[]> {
  switch (verb) {
    case 'list':
      return sources.list();
    case 'add':
      // The key is shown once; only its hash is stored.
      return [await sources.register(arg)];
    case 'disable':
      return [await sources.disable(arg)];
    case 'rotate':
      // The new key is shown once; the old one stops working on every running ingest.
      return [await sources.rotate(arg)];
  }
}

/**
 * `copydesk sources add NAME` prints {"id","name","apiKey"}; `list` one source a line;
 * `disable NAME|ID` prints {"id","name","createdAt","disabledAt"}; `rotate NAME|ID` prints
 * {"id","name","apiKey"} with the new key.
 */
async function main(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  const arg = rest.join(' ').trim();
  if (!VERBS.includes(verb) || (verb !== 'list' && !arg)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const dataSource = createIngestDataSource(loadConfig(IngestConfig).DATABASE_URL);
  await dataSource.initialize();
  try {
    await assertMigrated(dataSource, INGEST_SCHEMA);
    for (const line of await run(new SourcesService(new SourcesRepository(dataSource)), verb as Verb, arg)) {
      process.stdout.write(JSON.stringify(line) + '\n');
    }
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

runCommand(() => main(process.argv.slice(2)));
