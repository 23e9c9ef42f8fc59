import { Provider } from '@nestjs/common';
import { brokerList } from '@copydesk/config';
import { ShutdownPhase, ShutdownSequence, untilAvailable } from '@copydesk/observability';
import { BrokerHealth } from '../admin/broker-health';
import { KafkaAdmin } from '../admin/kafka-admin';
import { KafkaConnection } from '../connection/kafka-connection';
import { KafkaPublisher } from '../publisher/kafka-publisher';
import { TopicTailReader } from '../tail/topic-tail-reader';

/**
 * The Kafka side of a service's module, from the service's configuration class (anything with
 * KAFKA_BROKERS): the connection, a connected idempotent publisher, the admin port, the
 * topic-tail reader and the readiness check. Each registers how it closes with the
 * service's `ShutdownSequence`.
 */
export function kafkaProviders(configToken: abstract new () => { KAFKA_BROKERS: string }, clientId: string): Provider[] {
  return [
    {
      provide: KafkaConnection,
      inject: [configToken],
      useFactory: (config: { KAFKA_BROKERS: string }) => new KafkaConnection({ brokers: brokerList(config), clientId }),
    },
    {
      provide: KafkaPublisher,
      inject: [KafkaConnection, ShutdownSequence],
      useFactory: async (connection: KafkaConnection, shutdown: ShutdownSequence) => {
        const publisher = new KafkaPublisher(connection);
        // A service that starts while the broker is down waits for it.
        await untilAvailable('kafka', () => publisher.connect());
        shutdown.register(ShutdownPhase.Producers, 'kafka publisher', () => publisher.disconnect());
        return publisher;
      },
    },
    {
      provide: KafkaAdmin,
      inject: [KafkaConnection, ShutdownSequence],
      useFactory: (connection: KafkaConnection, shutdown: ShutdownSequence) => {
        const admin = new KafkaAdmin(connection);
        shutdown.register(ShutdownPhase.Connections, 'kafka admin', () => admin.close());
        return admin;
      },
    },
    {
      provide: TopicTailReader,
      inject: [KafkaConnection, ShutdownSequence],
      useFactory: (connection: KafkaConnection, shutdown: ShutdownSequence) => {
        const reader = new TopicTailReader(connection);
        shutdown.register(ShutdownPhase.Connections, 'topic tail reader', () => reader.close());
        return reader;
      },
    },
    {
      provide: BrokerHealth,
      inject: [KafkaConnection, ShutdownSequence],
      useFactory: (connection: KafkaConnection, shutdown: ShutdownSequence) => {
        const health = new BrokerHealth(connection);
        shutdown.register(ShutdownPhase.Connections, 'broker health', () => health.close());
        return health;
      },
    },
  ];
}
