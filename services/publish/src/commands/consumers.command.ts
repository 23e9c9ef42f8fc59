import 'reflect-metadata';
import { loadConfig } from '@copydesk/config';
import { assertMigrated } from '@copydesk/database';
import { runCommand } from '@copydesk/observability';
import { PublishConfig } from '../config/publish.config';
import { ConsumersRepository } from '../consumers/consumers.repository';
import { ConsumersService } from '../consumers/consumers.service';
import { createPublishDataSource, PUBLISH_SCHEMA } from '../database/publish-data-source';

const USAGE = 'usage: copydesk consumers add NAME [--all-statuses] | copydesk consumers list | copydesk consumers disable NAME|ID';

/**
 * `copydesk consumers add NAME [--all-statuses]` prints {"id","name","apiKey","allStatuses"}: the
 * key is shown once and stored only as a hash. `list` prints one consumer a line (never a key);
 * `disable NAME|ID` stops a key (within PUBLISH_KEY_CACHE_TTL_MS on running services).
 */
async function main(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  const allStatuses = rest.includes('--all-statuses');
  const words = rest.filter((a) => a !== '--all-statuses');
  const usable = (verb === 'add' && words.length > 0) || (verb === 'list' && rest.length === 0) || (verb === 'disable' && words.length > 0 && !allStatuses);
  if (!usable) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(PublishConfig);
  const dataSource = createPublishDataSource(config.DATABASE_URL, { poolSize: 1, applicationName: 'copydesk-cli' });
  await dataSource.initialize();
  try {
    await assertMigrated(dataSource, PUBLISH_SCHEMA);
    const consumers = new ConsumersService(new ConsumersRepository(dataSource), config);
    switch (verb) {
      case 'list':
        for (const c of await consumers.list()) {
          process.stdout.write(
            JSON.stringify({
              id: c.id,
              name: c.name,
              allStatuses: c.allStatuses,
              createdAt: c.createdAt.toISOString(),
              disabledAt: c.disabledAt?.toISOString() ?? null,
            }) + '\n',
          );
        }
        return 0;
      case 'add': {
        const created = await consumers.register(words.join(' '), { allStatuses });
        process.stdout.write(JSON.stringify({ id: created.id, name: created.name, apiKey: created.apiKey, allStatuses: created.allStatuses }) + '\n');
        return 0;
      }
      case 'disable': {
        const disabled = await consumers.disable(words.join(' '));
        process.stdout.write(JSON.stringify({ id: disabled.id, name: disabled.name, disabledAt: disabled.disabledAt?.toISOString() ?? null }) + '\n');
        return 0;
      }
    }
    return 2;
  } finally {
    await dataSource.destroy();
  }
}

runCommand(() => main(process.argv.slice(2)));
