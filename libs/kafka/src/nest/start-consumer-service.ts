import { INestApplication, Logger, Type } from '@nestjs/common';
import { brokerList } from '@copydesk/config';
import { decodeTopicMessage } from '@copydesk/contracts';
import { createHttpApp, HEALTH_CHECKS, HealthCheck, listenAfterStartup, runChecks } from '@copydesk/observability';
import { connectKafkaConsumer } from './connect-kafka-consumer';

export interface ConsumerServiceOptions {
  service: string;
  config: {
    KAFKA_BROKERS: string;
    KAFKA_SESSION_TIMEOUT_MS: number;
    LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error';
    SHUTDOWN_TIMEOUT_MS: number;
    HOST: string;
  };
  port: number;
  groupId: string;
  partitionsConsumedConcurrently: number;
  /** Runs before the app initialises: mount documentation, extra middleware. */
  beforeInit?: (app: INestApplication) => void;
}

/**
 * Starts a service that consumes Kafka: its HTTP side (health, API) and its consumer, which
 * begins only after every module has initialised. The HTTP port opens last, so a ready
 * answer means the consumer has joined its group.
 */
export async function startConsumerService(module: Type<unknown>, options: ConsumerServiceOptions): Promise<void> {
  const { config } = options;
  const listen = { host: config.HOST, port: options.port };
  const app = await createHttpApp(module, { service: options.service, logLevel: config.LOG_LEVEL, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS, listen });
  options.beforeInit?.(app);
  // The stage's readiness checks (database, broker) decide whether a failure of unknown kind
  // is the data's fault (dead-letter it) or an outage's (wait); the consumer joins them.
  const checks = app.get<HealthCheck[]>(HEALTH_CHECKS);
  const dependencies = [...checks];
  const transport = connectKafkaConsumer(app, {
    client: { brokers: brokerList(config), clientId: `copydesk-${options.service}` },
    groupId: options.groupId,
    stage: options.service,
    decode: decodeTopicMessage,
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
    sessionTimeout: config.KAFKA_SESSION_TIMEOUT_MS,
    dependenciesUp: async () => (await runChecks(dependencies)).every((r) => r.status === 'up'),
  });
  checks.push(transport.healthCheck());
  await app.init();
  await app.startAllMicroservices();
  await listenAfterStartup(app, listen);
  new Logger('Bootstrap').log({ msg: 'listening', url: `http://${config.HOST}:${options.port}` });
}
