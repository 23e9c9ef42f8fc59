import { bindClient, createKafkajsClient } from './kafkajs-client';

export interface KafkaConnectionOptions {
  /** `host:port` of each bootstrap broker. */
  brokers: string[];
  clientId: string;
  /** Connection timeout per broker, ms (default 3000). */
  connectionTimeout?: number;
}

/**
 * A service's handle on the Kafka cluster. It is opaque on purpose: services reach Kafka only
 * through this library's ports (`KafkaPublisher`, `ConsumerRunner`, `KafkaAdmin`,
 * `TopicTailReader`, `subscribe`), each built from a connection, so the client library behind
 * them can change without touching a service.
 */
export class KafkaConnection {
  readonly brokers: readonly string[];
  readonly clientId: string;

  constructor(options: KafkaConnectionOptions) {
    this.brokers = [...options.brokers];
    this.clientId = options.clientId;
    bindClient(this, createKafkajsClient(options));
  }
}
