import { Command } from 'commander';
import type { ParseOptions } from '../parse/parse.action';
import { act } from './exit-status';

// The parsers are loaded when the command runs, so `--help` and the other commands start fast.
const parse = async (file: string, options: ParseOptions) => (await import('../parse/parse.action')).parse(file, options);

export function parseCommand(): Command {
  return new Command('parse')
    .description('parse copy offline; one canonical item (JSON) a line. The format comes from --content-type or is sniffed from the file')
    .argument('<file>', 'the copy to parse')
    .option('--captured-at <iso>', 'when the copy was captured (resolves "Updated 4 min ago" labels); default now')
    .option('--content-type <type>', 'the media type, such as message/rfc822 for e-mail or application/xml')
    .addHelpText(
      'after',
      '\nExamples:\n  $ copydesk parse page.txt --captured-at 2025-03-21T10:00:00Z\n  $ copydesk parse story.eml --content-type message/rfc822',
    )
    .action(act(parse));
}
