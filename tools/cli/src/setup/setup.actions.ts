import { brokerList, loadConfig } from '@copydesk/config';
import { TOPICS } from '@copydesk/contracts';
import { KafkaAdmin, KafkaConnection } from '@copydesk/kafka';
import { CliConfig } from '../cli.config';
import { runScript } from '../run-script';

const SERVICES_WITH_SCHEMA = ['ingest', 'dedupe', 'publish', 'console'];

export async function topicsCreate(): Promise<number> {
  const config = loadConfig(CliConfig);
  const admin = new KafkaAdmin(new KafkaConnection({ brokers: brokerList(config), clientId: 'copydesk-cli' }));
  const created = await admin.ensureTopics(TOPICS).finally(() => admin.close());
  process.stdout.write(JSON.stringify({ msg: 'topics ready', created, total: TOPICS.length }) + '\n');
  return 0;
}

export function dbMigrate(): number {
  for (const service of SERVICES_WITH_SCHEMA) {
    const status = runScript(`services/${service}/src/migrate.js`, []);
    if (status !== 0) return status;
  }
  return 0;
}
