import { KafkaConnection } from '../connection/kafka-connection';
import { KafkaAdmin } from './kafka-admin';

/** Readiness: a long-lived admin connection that answers a metadata request. */
export class BrokerHealth {
  readonly name = 'kafka';
  private readonly admin: KafkaAdmin;

  constructor(connection: KafkaConnection) {
    this.admin = new KafkaAdmin(connection, { retries: 0 });
  }

  async check(): Promise<void> {
    await this.admin.describeCluster();
  }

  close(): Promise<void> {
    return this.admin.close();
  }
}
