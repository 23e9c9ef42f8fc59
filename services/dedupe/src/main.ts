import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { brokerList, loadConfig } from '@copydesk/config';
import { decodeTopicMessage } from '@copydesk/contracts';
import { connectKafkaConsumer } from '@copydesk/kafka';
import { createHttpApp, exitOnStartupFailure } from '@copydesk/observability';
import { AppModule } from './app.module';
import { DedupeConfig } from './config/dedupe.config';

async function bootstrap(): Promise<void> {
  const config = loadConfig(DedupeConfig);
  const app = await createHttpApp(AppModule, { service: 'dedupe', logLevel: config.LOG_LEVEL, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  connectKafkaConsumer(app, {
    client: { brokers: brokerList(config), clientId: 'copydesk-dedupe' },
    groupId: config.DEDUPE_GROUP_ID,
    stage: 'dedupe',
    decode: decodeTopicMessage,
    partitionsConsumedConcurrently: config.DEDUPE_CONCURRENCY,
  });
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.DEDUPE_PORT, config.HOST);
  new Logger('Bootstrap').log({ msg: 'listening', url: `http://${config.HOST}:${config.DEDUPE_PORT}` });
}

bootstrap().catch(exitOnStartupFailure('dedupe'));
