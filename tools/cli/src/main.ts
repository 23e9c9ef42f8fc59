import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brokerList, CommonConfig, loadConfig } from '@copydesk/config';
import { TOPICS } from '@copydesk/contracts';
import { KafkaAdmin, KafkaConnection } from '@copydesk/kafka';
import { JsonLogger } from '@copydesk/observability';
import { isWireFormatError, parseWire } from '@copydesk/wire-formats';

// Library logs (kafkajs, topic admin) go to stderr as JSON, warnings and errors only.
Logger.overrideLogger(new JsonLogger({ service: 'cli', level: 'warn', write: (line) => process.stderr.write(line + '\n') }));

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SERVICES_WITH_SCHEMA = ['ingest', 'dedupe', 'publish', 'console'];

// Readers of the publish API: `copydesk consumers …` runs publish's own command.
const CONSUMER_USAGE = `
  consumers add NAME [--all-statuses]
                                   register a reader of the stories API and stream; prints {"id","name","apiKey","allStatuses"}
                                   (--all-statuses: the key also reads withheld and canceled versions and embargoed stories)
  consumers list                   list consumers (never their keys)
  consumers disable NAME|ID        stop a consumer's key
`;

function consumers(args: string[]): number {
  return runNode('services/publish/src/commands/consumers.command.js', args);
}

// The sources commands (they run in services/ingest/src/commands/sources.command.ts).
const SOURCES_USAGE = `  sources add NAME                 register a source; prints {"id","name","apiKey"}
  sources list                     list registered sources, one JSON a line
  sources disable NAME|ID          disable a source: its key stops working on every running ingest
  sources rotate NAME|ID           give a source a new key; prints {"id","name","apiKey"} once, the old key stops working`;

// Operators of the console: `copydesk users …` runs the console's own command.
const USERS_USAGE = `  users add NAME --role viewer|operator|admin [--password PASSWORD]
                                   add a console user; prints {"username","role","password"} (the password generated unless given)
  users list                       list console users (never their passwords)
`;

const USAGE = `usage: copydesk <command>

${SOURCES_USAGE}
  parse FILE [--captured-at ISO] [--content-type TYPE]
                                   parse copy offline; one canonical item (JSON) a line; the format comes
                                   from TYPE (e-mail: message/rfc822) or is sniffed from the file
  topics create                    create the Kafka topics that are missing
  db migrate                       create the database if missing and apply every service's migrations
  setup                            db migrate, then topics create
${CONSUMER_USAGE}${USERS_USAGE}
environment: KAFKA_BROKERS (default 127.0.0.1:9092), DATABASE_URL (default postgres://postgres@127.0.0.1:5432/copydesk)
`;

/** Runs a script of the build output; it inherits the environment and reads its own configuration. */
function runNode(script: string, args: string[]): number {
  const result = spawnSync(process.execPath, ['-r', path.join(ROOT, 'tools', 'register-paths.js'), path.join(ROOT, 'dist', script), ...args], {
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

async function topicsCreate(): Promise<number> {
  const config = loadConfig(CommonConfig);
  const admin = new KafkaAdmin(new KafkaConnection({ brokers: brokerList(config), clientId: 'copydesk-cli' }));
  const created = await admin.ensureTopics(TOPICS).finally(() => admin.close());
  process.stdout.write(JSON.stringify({ msg: 'topics ready', created, total: TOPICS.length }) + '\n');
  return 0;
}

function dbMigrate(): number {
  for (const service of SERVICES_WITH_SCHEMA) {
    const status = runNode(`services/${service}/src/migrate.js`, []);
    if (status !== 0) return status;
  }
  return 0;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}

function parse(args: string[]): number {
  const capturedAt = option(args, '--captured-at');
  const contentType = option(args, '--content-type');
  const file = args[0];
  if (!file) {
    process.stderr.write(USAGE);
    return 2;
  }
  const at = capturedAt ? new Date(capturedAt) : new Date();
  if (Number.isNaN(at.getTime())) {
    process.stderr.write('INVALID_CAPTURED_AT: --captured-at must be an ISO 8601 time\n');
    return 2;
  }
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch (e) {
    process.stderr.write(`FILE_NOT_READABLE: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    const result = parseWire({ body, contentType, capturedAt: at });
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

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'sources':
      return runNode('services/ingest/src/commands/sources.command.js', rest);
    case 'parse':
      return parse(rest);
    case 'topics':
      if (rest[0] === 'create') return topicsCreate();
      break;
    case 'db':
      if (rest[0] === 'migrate') return dbMigrate();
      break;
    case 'setup': {
      const status = dbMigrate();
      return status !== 0 ? status : topicsCreate();
    }
    case 'consumers':
      return consumers(rest);
    case 'users':
      return runNode('services/console/src/commands/users.command.js', rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
  }
  process.stderr.write(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
