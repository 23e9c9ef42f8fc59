import 'reflect-metadata';
import { loadConfig } from '@copydesk/config';
import { startConsumerService } from '@copydesk/kafka';
import { exitOnStartupFailure } from '@copydesk/observability';
import { AppModule } from './app.module';
import { NormaliseConfig } from './config/normalise.config';

const config = loadConfig(NormaliseConfig);
startConsumerService(AppModule, {
  service: 'normalise',
  config,
  port: config.NORMALISE_PORT,
  groupId: config.NORMALISE_GROUP_ID,
  partitionsConsumedConcurrently: config.NORMALISE_CONCURRENCY,
}).catch(exitOnStartupFailure('normalise'));
