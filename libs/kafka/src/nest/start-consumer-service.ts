import { INestApplication, Logger, Type } from '@nestjs/common';
import { brokerList, otlpEndpointOf } from '@copydesk/config';
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
    OTEL_EXPORTER_OTLP_ENDPOINT: string;
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: string;
  };
  /** The HTTP port; without one (specs), the app is not listened on. */
  port?: number;
  groupId: string;
  partitionsConsumedConcurrently: number;
  /** Runs before the app initialises: mount documentation, extra middleware. */
  beforeInit?: (app: INestApplication) => void;
}

/**
 * A service that consumes Kafka, initialised and consuming, its port not yet opened: its
 * HTTP side (health, API) and its consumer, which begins only after every module has
 * initialised. Integration specs run a stage this way, wired exactly as it runs.
 */
export async function createConsumerApp(module: Type<unknown>, options: ConsumerServiceOptions): Promise<INestApplication> {
  const { config } = options;
  const listen = options.port === undefined ? undefined : { host: config.HOST, port: options.port };
  const app = await createHttpApp(module, {
    service: options.service,
    logLevel: config.LOG_LEVEL,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    listen,
    otlpEndpoint: otlpEndpointOf(config),
  });
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
  return app;
}

/**
 * Starts a service that consumes Kafka (`createConsumerApp`), then opens its HTTP port last,
 * so a ready answer means the consumer has joined its group.
 */
export async function startConsumerService(module: Type<unknown>, options: ConsumerServiceOptions & { port: number }): Promise<void> {
  const app = await createConsumerApp(module, options);
  await listenAfterStartup(app, { host: options.config.HOST, port: options.port });
  new Logger('Bootstrap').log({ msg: 'listening', url: `http://${options.config.HOST}:${options.port}`, node: process.versions.node });
}
