import 'reflect-metadata';
import { loadConfig } from '@copydesk/config';
import { startConsumerService } from '@copydesk/kafka';
import { exitOnStartupFailure } from '@copydesk/observability';
import { AppModule } from './app.module';
import { PublishConfig } from './config/publish.config';
import { mountApiDocs } from './openapi/api-docs';

const config = loadConfig(PublishConfig);
startConsumerService(AppModule, {
  service: 'publish',
  config,
  port: config.PUBLISH_PORT,
  groupId: config.PUBLISH_GROUP_ID,
  partitionsConsumedConcurrently: 2,
  beforeInit: mountApiDocs,
}).catch(exitOnStartupFailure('publish'));
