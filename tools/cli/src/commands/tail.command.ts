import { Command, Option } from 'commander';
import { TOPICS } from '@copydesk/contracts';
import type { TailOptions } from '../tail/tail.action';
import { act, collect, positiveInt } from './exit-status';

// The work is loaded when the command runs, so `--help` and the other commands start fast.
const tail = async (topic: string, options: TailOptions, command: Command) => (await import('../tail/tail.action')).tail(topic, options, command);

export function tailCommand(): Command {
  return new Command('tail')
    .description('print the messages of a topic, one JSON a line, each value decoded and validated by the topic’s codec')
    .argument('<topic>', `one of ${TOPICS.map((t) => t.name).join(', ')}`)
    .option('--from-beginning', 'start at the oldest message kept (default: only new messages)')
    .option('--key <key>', 'only messages with this key')
    .option('--header <name=value>', 'only messages with this header value (repeatable: all must match)', collect, [])
    .addOption(new Option('--limit <n>', 'stop after printing n messages').argParser(positiveInt))
    .addHelpText(
      'after',
      `
Each line holds topic, partition, offset, timestamp, key, headers and value (bytes as UTF-8 text, or
{"base64"} when they are not text). Ctrl-C stops it cleanly.

Examples:
  $ copydesk tail wire.raw.v1 --from-beginning --limit 10
  $ copydesk tail story.published.v1 --header ce_type=story.corrected
  $ copydesk tail wire.normalised.v1 --key 6f1c…`,
    )
    .action(act(tail));
}
