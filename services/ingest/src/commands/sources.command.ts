import 'reflect-metadata';
import { loadConfig } from '@copydesk/config';
import { assertMigrated } from '@copydesk/database';
import { ApiError } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { createIngestDataSource, INGEST_SCHEMA } from '../database/ingest-data-source';
import { SourcesRepository } from '../sources/sources.repository';
import { SourcesService } from '../sources/sources.service';

const USAGE = 'usage: copydesk sources add NAME | copydesk sources list';

/** `copydesk sources add NAME` prints {"id","name","apiKey"}; the key is shown once and stored only as a hash. */
async function main(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'add' && verb !== 'list') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const dataSource = createIngestDataSource(loadConfig(IngestConfig).DATABASE_URL);
  await dataSource.initialize();
  try {
    await assertMigrated(dataSource, INGEST_SCHEMA);
    const sources = new SourcesService(new SourcesRepository(dataSource));
    if (verb === 'list') {
      for (const s of await sources.list()) process.stdout.write(JSON.stringify(s) + '\n');
      return 0;
    }
    const name = rest.join(' ');
    if (!name) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const created = await sources.register(name);
    process.stdout.write(JSON.stringify({ id: created.id, name: created.name, apiKey: created.apiKey }) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof ApiError) {
      process.stderr.write(`${e.code}: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
