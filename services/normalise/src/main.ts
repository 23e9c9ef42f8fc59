import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { brokerList, loadConfig } from '@copydesk/config';
import { decodeTopicMessage } from '@copydesk/contracts';
import { connectKafkaConsumer } from '@copydesk/kafka';
import { createHttpApp, exitOnStartupFailure } from '@copydesk/observability';
import { AppModule } from './app.module';
import { NormaliseConfig } from './config/normalise.config';

async function bootstrap(): Promise<void> {
  const config = loadConfig(NormaliseConfig);
  const app = await createHttpApp(AppModule, { service: 'normalise', logLevel: config.LOG_LEVEL, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  connectKafkaConsumer(app, {
    client: { brokers: brokerList(config), clientId: 'copydesk-normalise' },
    groupId: config.NORMALISE_GROUP_ID,
    stage: 'normalise',
    decode: decodeTopicMessage,
    partitionsConsumedConcurrently: config.NORMALISE_CONCURRENCY,
  });
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.NORMALISE_PORT, config.HOST);
  new Logger('Bootstrap').log({ msg: 'listening', url: `http://${config.HOST}:${config.NORMALISE_PORT}` });
}

bootstrap().catch(exitOnStartupFailure('normalise'));
