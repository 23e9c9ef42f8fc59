import { Command } from 'commander';
import { randomUUID } from 'node:crypto';
import { brokerList, loadConfig } from '@copydesk/config';
import { TOPICS } from '@copydesk/contracts';
import { KafkaAdmin, KafkaConnection, subscribe } from '@copydesk/kafka';
import { CliConfig } from '../cli.config';
import { headerFilter, matchesTail, TailFilter, tailLine } from './tail-line';
import { usageError } from '../commands/exit-status';

export interface TailOptions {
  fromBeginning?: boolean;
  key?: string;
  header: string[];
  limit?: number;
}

export async function tail(topic: string, options: TailOptions, command: Command): Promise<number> {
  if (!TOPICS.some((t) => t.name === topic)) usageError(command, 'UNKNOWN_TOPIC', `no topic ${topic}; the topics are ${TOPICS.map((t) => t.name).join(', ')}`);
  let filter: TailFilter;
  try {
    filter = { key: options.key, headers: headerFilter(options.header) };
  } catch (e) {
    usageError(command, 'INVALID_HEADER_FILTER', (e as Error).message);
  }
  const config = loadConfig(CliConfig);
  const connection = new KafkaConnection({ brokers: brokerList(config), clientId: 'copydesk-cli' });
  // A group of its own, deleted at the end, so a tail never takes messages from the pipeline's consumers.
  const groupId = `copydesk-cli-tail-${randomUUID()}`;
  let printed = 0;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const subscription = subscribe(connection, { topics: [topic], groupId, fromBeginning: options.fromBeginning ?? false }, (m) => {
    if (options.limit !== undefined && printed >= options.limit) return;
    if (!matchesTail(m, filter)) return;
    printed++;
    process.stdout.write(tailLine(m) + '\n');
    if (options.limit !== undefined && printed >= options.limit) stop();
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    // A consumer that cannot start (no broker) ends the tail with its error instead of waiting for ever.
    await Promise.race([stopped, subscription.ready.then(() => stopped)]);
  } finally {
    await subscription.close();
  }
  const admin = new KafkaAdmin(connection);
  await admin
    .deleteGroups([groupId])
    .catch(() => undefined)
    .finally(() => admin.close());
  return 0;
}
