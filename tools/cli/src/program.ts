import { Command, CommanderError } from 'commander';
import { dlqCommand } from './commands/dlq.command';
import { USAGE_STATUS } from './commands/exit-status';
import { parseCommand } from './commands/parse.command';
import { consumersCommand, feedsCommand, sourcesCommand, usersCommand } from './commands/passthrough.commands';
import { pushCommand } from './commands/push.command';
import { dbCommand, setupCommand, topicsCommand } from './commands/setup.commands';
import { tailCommand } from './commands/tail.command';

const ENVIRONMENT = `
Environment:
  KAFKA_BROKERS        the broker (default 127.0.0.1:9092)
  DATABASE_URL         the database (default postgres://postgres@127.0.0.1:5432/copydesk)
  COPYDESK_API_KEY     a source's API key, for push
  COPYDESK_INGEST_URL  ingest's address, for push (default http://127.0.0.1:8081)

Examples:
  $ copydesk setup
  $ copydesk sources add reuters-world
  $ COPYDESK_API_KEY=cdk_… copydesk push ./copy/
  $ copydesk tail wire.raw.v1 --from-beginning --limit 5
  $ copydesk dlq list --stage normalise

Run \`copydesk <command> --help\` for a command's options and examples.`;

/** The `copydesk` command: every command and subcommand, each with its --help. */
export function buildProgram(): Command {
  const program = new Command('copydesk')
    .description('Copydesk from the command line: sources, copy in, topics out, dead letters back.')
    .showHelpAfterError('(add --help for usage)')
    // Errors become a status for main (2 for a command used wrongly), never a process.exit mid-flight.
    .exitOverride()
    .addHelpText('after', ENVIRONMENT);
  // Every command inherits the settings above (help on error, exit override) when added through
  // `addCommand` with them copied.
  for (const command of [
    sourcesCommand(),
    feedsCommand(),
    pushCommand(),
    parseCommand(),
    tailCommand(),
    dlqCommand(),
    topicsCommand(),
    dbCommand(),
    setupCommand(),
    consumersCommand(),
    usersCommand(),
  ]) {
    inherit(program, command);
    program.addCommand(command);
  }
  return program;
}

function inherit(parent: Command, command: Command): void {
  command.copyInheritedSettings(parent);
  for (const sub of command.commands) inherit(command, sub);
}

/** Runs the command line `argv` (without node and the script); answers the exit status. */
export async function runProgram(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      return e.exitCode === 0 ? 0 : USAGE_STATUS;
    }
    throw e;
  }
}
