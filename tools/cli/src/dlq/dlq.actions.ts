import { Command } from 'commander';
import { brokerList, loadConfig } from '@copydesk/config';
import { ContractError, Topic } from '@copydesk/contracts';
import { createServiceDataSource, DeadLetterReplays, ReplayRecord } from '@copydesk/database';
import { DeadLetterReplayer, KafkaAdmin, KafkaConnection, KafkaPublisher, OffsetReader } from '@copydesk/kafka';
import { CliConfig } from '../cli.config';
import { DeadLetterFilter, DeadLetterLine, deadLetterLine, matchesDeadLetter } from './dead-letter-list';
import { usageError } from '../commands/exit-status';

/** The broker, the DLQ's reader and the replay record, opened for one command and closed after it. */
async function withDlq<T>(work: (kafka: { connection: KafkaConnection; reader: OffsetReader }, replays: DeadLetterReplays) => Promise<T>): Promise<T> {
  const config = loadConfig(CliConfig);
  const connection = new KafkaConnection({ brokers: brokerList(config), clientId: 'copydesk-cli' });
  const admin = new KafkaAdmin(connection);
  const db = createServiceDataSource({
    url: config.DATABASE_URL,
    schema: 'console',
    entities: [],
    migrations: [],
    poolSize: 2,
    applicationName: 'copydesk-cli',
  });
  await db.initialize();
  try {
    return await work({ connection, reader: new OffsetReader(connection, admin, 60_000) }, new DeadLetterReplays(db));
  } finally {
    await admin.close();
    await db.destroy();
  }
}

/** Every dead letter on the DLQ that meets its contract and `filter`, oldest first (per partition, then by partition). */
async function readDeadLetters(connection: KafkaConnection, reader: OffsetReader, filter: DeadLetterFilter): Promise<DeadLetterLine[]> {
  const admin = new KafkaAdmin(connection);
  const offsets = await admin.topicOffsets(Topic.WireDlq).finally(() => admin.close());
  const requests = offsets
    .filter((o) => BigInt(o.high) > BigInt(o.low))
    .map((o) => ({ topic: Topic.WireDlq, partition: o.partition, offset: o.low, limit: Number(BigInt(o.high) - BigInt(o.low)) }));
  const read = await reader.read(requests);
  const lines: DeadLetterLine[] = [];
  for (const messages of read.values()) {
    for (const m of messages) {
      try {
        const line = deadLetterLine(m);
        if (matchesDeadLetter(line, filter)) lines.push(line);
      } catch (e) {
        if (!(e instanceof ContractError)) throw e;
        process.stderr.write(`${e.code}: ${Topic.WireDlq}/${m.partition}/${m.offset} is not a dead letter: ${e.message}\n`);
      }
    }
  }
  return lines.sort((a, b) => a.at.localeCompare(b.at) || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

function replayOf(records: readonly ReplayRecord[], l: DeadLetterLine): ReplayRecord | null {
  return records.find((r) => r.dlqPartition === l.partition && r.dlqOffset === l.offset) ?? null;
}

export interface ListOptions extends DeadLetterFilter {
  limit: number;
}

export async function list(options: ListOptions): Promise<number> {
  return withDlq(async ({ connection, reader }, replays) => {
    const newest = (await readDeadLetters(connection, reader, options)).reverse().slice(0, options.limit);
    const records = await replays.find(Topic.WireDlq, newest);
    for (const l of newest) process.stdout.write(JSON.stringify({ ...l, replay: replayOf(records, l) }) + '\n');
    return 0;
  });
}

export interface ReplayOptions extends DeadLetterFilter {
  offset?: string;
  partition: number;
  all?: boolean;
  dryRun?: boolean;
  as: string;
}

export async function replay(options: ReplayOptions, command: Command): Promise<number> {
  if ((options.offset === undefined) === !options.all) usageError(command, 'REPLAY_WHAT', 'give either --offset O (with --partition P) or --all');
  if (options.offset !== undefined && !/^[0-9]+$/.test(options.offset))
    usageError(command, 'INVALID_OFFSET', `--offset must be a whole number, not "${options.offset}"`);
  return withDlq(async ({ connection, reader }, replays) => {
    let letters = await readDeadLetters(connection, reader, options);
    if (options.offset !== undefined) {
      letters = letters.filter((l) => l.partition === options.partition && l.offset === options.offset);
      if (letters.length === 0) {
        process.stderr.write(`DEAD_LETTER_NOT_FOUND: no dead letter matching the filters at ${Topic.WireDlq}/${options.partition}/${options.offset}\n`);
        return 1;
      }
    }
    if (options.dryRun) {
      const records = await replays.find(Topic.WireDlq, letters);
      const results = letters.map((l) => {
        const record = replayOf(records, l);
        const done = record !== null && record.result !== 'failed';
        return {
          partition: l.partition,
          offset: l.offset,
          result: done ? 'already-replayed' : 'would-replay',
          targetTopic: l.originalTopic,
          key: l.originalKey,
        };
      });
      const count = (r: string) => results.filter((x) => x.result === r).length;
      process.stdout.write(JSON.stringify({ dryRun: true, wouldReplay: count('would-replay'), alreadyReplayed: count('already-replayed'), results }) + '\n');
      return 0;
    }
    const publisher = new KafkaPublisher(connection);
    await publisher.connect();
    try {
      const results = await new DeadLetterReplayer(reader, publisher, replays).replay(letters, options.as);
      const count = (r: string) => results.filter((x) => x.result === r).length;
      process.stdout.write(
        JSON.stringify({ replayed: count('replayed'), alreadyReplayed: count('already-replayed'), failed: count('failed'), results }) + '\n',
      );
      return count('failed') > 0 ? 1 : 0;
    } finally {
      await publisher.disconnect();
    }
  });
}
