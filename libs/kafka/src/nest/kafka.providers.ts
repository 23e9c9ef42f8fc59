import { Provider } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { brokerList } from '@copydesk/config';
import { BrokerHealth } from '../admin/topic-admin';
import { createKafkaClient } from '../client/kafka-client';
import { KafkaPublisher } from '../publisher/kafka-publisher';

/** The service's kafkajs client (one per process). */
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

export type KafkaClient = Kafka;

/**
 * The Kafka side of a service's module: the client, a connected idempotent publisher and the
 * readiness check, from the service's configuration class (anything with KAFKA_BROKERS).
 */
export function kafkaProviders(configToken: abstract new () => { KAFKA_BROKERS: string }, clientId: string): Provider[] {
  return [
    {
      provide: KAFKA_CLIENT,
      inject: [configToken],
      useFactory: (config: { KAFKA_BROKERS: string }) => createKafkaClient({ brokers: brokerList(config), clientId }),
    },
    {
      provide: KafkaPublisher,
      inject: [KAFKA_CLIENT],
      useFactory: async (kafka: Kafka) => {
        const publisher = new KafkaPublisher(kafka);
        await publisher.connect();
        return publisher;
      },
    },
    { provide: BrokerHealth, inject: [KAFKA_CLIENT], useFactory: (kafka: Kafka) => new BrokerHealth(kafka) },
  ];
}
