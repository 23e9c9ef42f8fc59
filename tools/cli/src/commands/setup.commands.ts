import { Command } from 'commander';
import { act } from './exit-status';

// The work is loaded when the command runs, so `--help` and the other commands start fast.
const actions = () => import('../setup/setup.actions');
const topicsCreate = async () => (await actions()).topicsCreate();
const dbMigrate = async () => (await actions()).dbMigrate();

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
        const status = await dbMigrate();
        return status !== 0 ? status : topicsCreate();
      }),
    );
}
