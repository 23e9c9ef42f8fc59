import { Command } from 'commander';
import { runScript, scriptExists } from '../run-script';
import { act } from './exit-status';

/**
 * The command groups a service implements itself (`copydesk sources …` runs ingest's
 * sources.command.js): commander only documents and checks the words, then hands the
 * arguments as typed to the service's script, which reads its own configuration.
 */
function passThrough(group: Command, script: string, missing?: string) {
  return act(() => {
    if (missing && !scriptExists(script)) {
      process.stderr.write(`${missing}\n`);
      return 1;
    }
    const argv = process.argv.slice(2);
    return runScript(script, argv.slice(argv.indexOf(group.name()) + 1));
  });
}

const SOURCES = 'services/ingest/src/commands/sources.command.js';
const FEEDS = 'services/ingest/src/commands/feeds.command.js';
const CONSUMERS = 'services/publish/src/commands/consumers.command.js';
const USERS = 'services/console/src/commands/users.command.js';

export function sourcesCommand(): Command {
  const group = new Command('sources').description('newsroom systems that push copy, each with its own API key (in the database at DATABASE_URL)');
  const run = passThrough(group, SOURCES);
  group
    .command('add')
    .description('register a source; prints {"id","name","apiKey"} (the key is shown once)')
    .argument('<name>', 'the source name: letters, digits, dots, dashes, underscores')
    .addHelpText('after', '\nExample:\n  $ copydesk sources add reuters-world')
    .action(run);
  group
    .command('list')
    .description('list registered sources, one JSON a line (never their keys)')
    .addHelpText('after', '\nExample:\n  $ copydesk sources list')
    .action(run);
  group
    .command('disable')
    .description('disable a source: its key stops working on every running ingest')
    .argument('<name-or-id>', 'the source name or id')
    .addHelpText('after', '\nExample:\n  $ copydesk sources disable reuters-world')
    .action(run);
  group
    .command('rotate')
    .description('give a source a new key; prints {"id","name","apiKey"} once, the old key stops working')
    .argument('<name-or-id>', 'the source name or id')
    .addHelpText('after', '\nExample:\n  $ copydesk sources rotate reuters-world')
    .action(run);
  return group.addHelpText('after', '\nExamples:\n  $ copydesk sources add reuters-world\n  $ copydesk sources list');
}

export function feedsCommand(): Command {
  const group = new Command('feeds').description('RSS and Atom feeds that ingest polls for a source');
  const run = passThrough(group, FEEDS, `FEEDS_UNAVAILABLE: this build has no feed poller (dist/${FEEDS} is missing); build it with \`npm run build\``);
  group
    .command('add')
    .description('poll a feed for a source; prints the feed as JSON')
    .argument('<url>', 'the feed address (http or https)')
    .requiredOption('--source <name>', 'the source the feed’s items are submitted as')
    .option('--every <interval>', 'how often to poll, such as 30s, 5m (default 60s)')
    .addHelpText('after', '\nExample:\n  $ copydesk feeds add https://example.com/world.rss --source example-world --every 5m')
    .action(run);
  group.command('list').description('list the feeds polled, one JSON a line').addHelpText('after', '\nExample:\n  $ copydesk feeds list').action(run);
  group
    .command('remove')
    .description('stop polling a feed')
    .argument('<id-or-url>', 'the feed id or address')
    .addHelpText('after', '\nExample:\n  $ copydesk feeds remove https://example.com/world.rss')
    .action(run);
  return group.addHelpText('after', '\nExamples:\n  $ copydesk feeds add https://example.com/world.rss --source example-world\n  $ copydesk feeds list');
}

export function consumersCommand(): Command {
  const group = new Command('consumers').description('readers of the publish stories API and stream, each with its own key');
  const run = passThrough(group, CONSUMERS);
  group
    .command('add')
    .description('register a reader; prints {"id","name","apiKey","allStatuses"} (the key is shown once)')
    .argument('<name>', 'the consumer name')
    .option('--all-statuses', 'the key also reads withheld and canceled versions and embargoed stories')
    .addHelpText('after', '\nExamples:\n  $ copydesk consumers add homepage\n  $ copydesk consumers add archive --all-statuses')
    .action(run);
  group
    .command('list')
    .description('list consumers, one JSON a line (never their keys)')
    .addHelpText('after', '\nExample:\n  $ copydesk consumers list')
    .action(run);
  group
    .command('disable')
    .description('stop a consumer’s key')
    .argument('<name-or-id>', 'the consumer name or id')
    .addHelpText('after', '\nExample:\n  $ copydesk consumers disable homepage')
    .action(run);
  return group.addHelpText('after', '\nExamples:\n  $ copydesk consumers add homepage\n  $ copydesk consumers list');
}

export function usersCommand(): Command {
  const group = new Command('users').description('operators of the console, each with a role');
  const run = passThrough(group, USERS);
  group
    .command('add')
    .description('add a console user; prints {"username","role","password"} (the password generated unless given)')
    .argument('<name>', 'the user name')
    .requiredOption('--role <role>', 'viewer, operator or admin')
    .option('--password <password>', 'the password (default: a generated one, printed once)')
    .addHelpText('after', '\nExample:\n  $ copydesk users add alice --role operator')
    .action(run);
  group
    .command('list')
    .description('list console users, one JSON a line (never their passwords)')
    .addHelpText('after', '\nExample:\n  $ copydesk users list')
    .action(run);
  return group.addHelpText('after', '\nExamples:\n  $ copydesk users add alice --role operator\n  $ copydesk users list');
}
