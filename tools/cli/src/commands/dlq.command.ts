import { Command, Option } from 'commander';
import { userInfo } from 'node:os';
import { Topic } from '@copydesk/contracts';
import type { ListOptions, ReplayOptions } from '../dlq/dlq.actions';
import { act, positiveInt, wholeNumber } from './exit-status';

// The work is loaded when the command runs, so `--help` and the other commands start fast.
const list = async (options: ListOptions) => (await import('../dlq/dlq.actions')).list(options);
const replay = async (options: ReplayOptions, command: Command) => (await import('../dlq/dlq.actions')).replay(options, command);

export function dlqCommand(): Command {
  const group = new Command('dlq').description(`the dead letters on ${Topic.WireDlq}: what a stage could not process, with the reason`);
  group
    .command('list')
    .description('list dead letters, newest first, one JSON a line: where each sits, its stage, error code and message, where it came from, and its replay')
    .addOption(new Option('--limit <n>', 'at most n dead letters').default(50).argParser(positiveInt))
    .option('--stage <stage>', 'only those of this stage (normalise, dedupe, publish)')
    .option('--code <code>', 'only those with this error code')
    .addHelpText('after', '\nExamples:\n  $ copydesk dlq list --limit 20\n  $ copydesk dlq list --stage normalise --code UNRECOGNISED_FORMAT')
    .action(act(list));
  group
    .command('replay')
    .description('send dead letters back to their original topics with their original key and headers; each is replayed at most once')
    .option('--offset <offset>', 'the dead letter at this offset (of --partition)')
    .addOption(new Option('--partition <p>', 'the DLQ partition of --offset').default(0).argParser(wholeNumber))
    .option('--all', 'every dead letter that matches --stage and --code')
    .option('--stage <stage>', 'only those of this stage')
    .option('--code <code>', 'only those with this error code')
    .option('--dry-run', 'show what would be replayed, and what was replayed already, without sending anything')
    .option('--as <name>', 'who replays, in the replay record the console shows', `cli:${userInfo().username}`)
    .addHelpText(
      'after',
      `
Prints {"replayed","alreadyReplayed","failed","results":[…]}. A dead letter replayed before (by this
command or the console) is not sent again; one whose replay failed may be. Exit status 1 when any failed.

Examples:
  $ copydesk dlq replay --offset 42 --dry-run
  $ copydesk dlq replay --all --stage normalise --code UNRECOGNISED_FORMAT`,
    )
    .action(act(replay));
  return group.addHelpText('after', '\nExamples:\n  $ copydesk dlq list --stage normalise\n  $ copydesk dlq replay --all --code UNRECOGNISED_FORMAT --dry-run');
}
