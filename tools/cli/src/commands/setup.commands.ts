import { Command } from 'commander';
import { runScript } from '../run-script';
import { act } from './exit-status';

const SERVICES_WITH_SCHEMA = ['ingest', 'dedupe', 'publish', 'console'];

async function topicsCreate(): Promise<number> {
  // The libraries are loaded when the command runs, so `--help` and the other commands start fast.
  const [{ brokerList, loadConfig }, { TOPICS }, { KafkaAdmin, KafkaConnection }, { CliConfig }] = await Promise.all([
    import('@copydesk/config'),
    import('@copydesk/contracts'),
    import('@copydesk/kafka'),
    import('../cli.config'),
  ]);
  const config = loadConfig(CliConfig);
  const admin = new KafkaAdmin(new KafkaConnection({ brokers: brokerList(config), clientId: 'copydesk-cli' }));
  const created = await admin.ensureTopics(TOPICS).finally(() => admin.close());
  process.stdout.write(JSON.stringify({ msg: 'topics ready', created, total: TOPICS.length }) + '\n');
  return 0;
}

function dbMigrate(): number {
  for (const service of SERVICES_WITH_SCHEMA) {
    const status = runScript(`services/${service}/src/migrate.js`, []);
    if (status !== 0) return status;
  }
  return 0;
}

export function topicsCommand(): Command {
  const group = new Command('topics').description('the Kafka topics of the pipeline (at KAFKA_BROKERS)');
  group
    .command('create')
    .description('create the topics that are missing, with their partitions and settings; prints {"msg","created","total"}')
    .addHelpText('after', '\nExample:\n  $ KAFKA_BROKERS=127.0.0.1:9092 copydesk topics create')
    .action(act(topicsCreate));
  return group.addHelpText('after', '\nExample:\n  $ copydesk topics create');
}

export function dbCommand(): Command {
  const group = new Command('db').description('the PostgreSQL database (at DATABASE_URL)');
  group
    .command('migrate')
    .description('create the database if missing and apply every service’s migrations')
    .addHelpText('after', '\nExample:\n  $ DATABASE_URL=postgres://postgres@127.0.0.1:5432/copydesk copydesk db migrate')
    .action(act(dbMigrate));
  return group.addHelpText('after', '\nExample:\n  $ copydesk db migrate');
}

export function setupCommand(): Command {
  return new Command('setup')
    .description('db migrate, then topics create: everything a fresh stack needs')
    .addHelpText('after', '\nExample:\n  $ copydesk setup')
    .action(
      act(async () => {
        const status = dbMigrate();
        return status !== 0 ? status : topicsCreate();
      }),
    );
}
