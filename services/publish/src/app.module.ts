import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { DatabaseHealth, dataSourceProvider } from '@copydesk/database';
import { BrokerHealth, kafkaProviders } from '@copydesk/kafka';
import { HealthController, healthChecksProvider } from '@copydesk/observability';
import { OutboxRelay, outboxProviders } from '@copydesk/outbox';
import { Clock, SystemClock } from './clock/clock';
import { PublishConfig } from './config/publish.config';
import { ConsumersRepository } from './consumers/consumers.repository';
import { ConsumersService } from './consumers/consumers.service';
import { ReaderAuthGuard } from './consumers/reader-auth.guard';
import { EmbargoRelease } from './embargo/embargo-release';
import { createPublishDataSource, PUBLISH_SCHEMA } from './database/publish-data-source';
import { READ_DATA_SOURCE, READ_POOL_APPLICATION_NAME } from './database/read-data-source';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimiter } from './rate-limit/rate-limiter';
import { PublishRepository } from './stories/publish.repository';
import { PublishService } from './stories/publish.service';
import { StoriesController } from './stories/stories.controller';
import { StoriesRepository } from './stories/stories.repository';
import { StoryVersionHandler } from './stories/story-version.handler';
import { StoryViewFactory } from './stories/story-view.factory';
import { StreamHead } from './stream/stream-head';
import { StreamController } from './stream/stream.controller';
import { StreamService } from './stream/stream.service';

@Module({
  controllers: [StoryVersionHandler, StoriesController, StreamController, HealthController],
  providers: [
    { provide: PublishConfig, useFactory: () => loadConfig(PublishConfig) },
    { provide: Clock, useClass: SystemClock },
    dataSourceProvider(PublishConfig, (url, c) => createPublishDataSource(url, { poolSize: c.PUBLISH_DB_POOL_SIZE }), PUBLISH_SCHEMA),
    dataSourceProvider(
      PublishConfig,
      (url, c) => createPublishDataSource(url, { poolSize: c.PUBLISH_READ_POOL_SIZE, applicationName: READ_POOL_APPLICATION_NAME }),
      PUBLISH_SCHEMA,
      { provide: READ_DATA_SOURCE, label: 'publish read pool', checkMigrations: false },
    ),
    ...kafkaProviders(PublishConfig, 'copydesk-publish'),
    ...outboxProviders(PUBLISH_SCHEMA),
    healthChecksProvider({
      useFactory: (ds: DataSource, broker: BrokerHealth, relay: OutboxRelay) => [new DatabaseHealth(ds), broker, relay.healthCheck()],
      inject: [DataSource, BrokerHealth, OutboxRelay],
    }),
    ConsumersRepository,
    ConsumersService,
    ReaderAuthGuard,
    RateLimiter,
    RateLimitGuard,
    PublishRepository,
    StoriesRepository,
    StoryViewFactory,
    StreamHead,
    StreamService,
    PublishService,
    EmbargoRelease,
  ],
})
export class AppModule {}
