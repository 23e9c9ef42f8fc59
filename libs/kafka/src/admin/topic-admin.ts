import { Logger } from '@nestjs/common';
import { Admin, Kafka } from 'kafkajs';

export interface TopicSpec {
  name: string;
  partitions: number;
  config: Record<string, string>;
}

/**
 * Creates the topics that are missing, with their partitions and configuration.
 * Existing topics are left as they are; returns the names created.
 */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((s) => ({
          topic: s.name,
          numPartitions: s.partitions,
          replicationFactor: -1,
          configEntries: Object.entries(s.config).map(([name, value]) => ({ name, value })),
        })),
      });
      new Logger('TopicAdmin').log({ msg: 'created topics', topics: missing.map((s) => s.name).join(',') });
    }
    return missing.map((s) => s.name);
  } finally {
    await admin.disconnect();
  }
}

/** Readiness: a long-lived admin connection that answers a metadata request. */
export class BrokerHealth {
  readonly name = 'kafka';
  private admin: Admin | undefined;

  constructor(private readonly kafka: Kafka) {}

  async check(): Promise<void> {
    if (!this.admin) {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      await admin.connect();
      this.admin = admin;
    }
    try {
      await this.admin.describeCluster();
    } catch (e) {
      const admin = this.admin;
      this.admin = undefined;
      await admin?.disconnect().catch(() => undefined);
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }
}
