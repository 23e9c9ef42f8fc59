import 'reflect-metadata';
import { loadConfig } from '@copydesk/config';
import { startConsumerService } from '@copydesk/kafka';
import { exitOnStartupFailure } from '@copydesk/observability';
import { AppModule } from './app.module';
import { DedupeConfig } from './config/dedupe.config';

const config = loadConfig(DedupeConfig);
startConsumerService(AppModule, {
  service: 'dedupe',
  config,
  port: config.DEDUPE_PORT,
  groupId: config.DEDUPE_GROUP_ID,
  partitionsConsumedConcurrently: config.DEDUPE_CONCURRENCY,
}).catch(exitOnStartupFailure('dedupe'));
