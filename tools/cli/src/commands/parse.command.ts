import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { act, USAGE_STATUS } from './exit-status';

interface ParseOptions {
  capturedAt?: string;
  contentType?: string;
}

async function parse(file: string, options: ParseOptions): Promise<number> {
  // The parsers are loaded when the command runs, so `--help` and the other commands start fast.
  const { isWireFormatError, parseWire } = await import('@copydesk/wire-formats');
  const at = options.capturedAt ? new Date(options.capturedAt) : new Date();
  if (Number.isNaN(at.getTime())) {
    process.stderr.write('INVALID_CAPTURED_AT: --captured-at must be an ISO 8601 time\n');
    return USAGE_STATUS;
  }
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch (e) {
    process.stderr.write(`FILE_NOT_READABLE: ${(e as Error).message}\n`);
    return USAGE_STATUS;
  }
  try {
    const result = parseWire({ body, contentType: options.contentType, capturedAt: at });
    for (const item of result.items) process.stdout.write(JSON.stringify(item) + '\n');
    return 0;
  } catch (e) {
    if (isWireFormatError(e)) {
      process.stderr.write(`${e.code}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

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
