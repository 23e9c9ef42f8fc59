import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { brokerList, loadConfig } from '@copydesk/config';
import { decodeTopicMessage } from '@copydesk/contracts';
import { connectKafkaConsumer } from '@copydesk/kafka';
import { createHttpApp, exitOnStartupFailure } from '@copydesk/observability';
import { AppModule } from './app.module';
import { PublishConfig } from './config/publish.config';
import { mountApiDocs } from './openapi/api-docs';

async function bootstrap(): Promise<void> {
  const config = loadConfig(PublishConfig);
  const app = await createHttpApp(AppModule, { service: 'publish', logLevel: config.LOG_LEVEL, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  mountApiDocs(app);
  connectKafkaConsumer(app, {
    client: { brokers: brokerList(config), clientId: 'copydesk-publish' },
    groupId: config.PUBLISH_GROUP_ID,
    stage: 'publish',
    decode: decodeTopicMessage,
    partitionsConsumedConcurrently: 2,
  });
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.PUBLISH_PORT, config.HOST);
  new Logger('Bootstrap').log({ msg: 'listening', url: `http://${config.HOST}:${config.PUBLISH_PORT}` });
}

bootstrap().catch(exitOnStartupFailure('publish'));
