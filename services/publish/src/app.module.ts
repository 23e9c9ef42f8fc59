import { Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { DatabaseHealth, dataSourceProvider, SqlOutboxStore } from '@copydesk/database';
import { BrokerHealth, KAFKA_CLIENT, KafkaClient, KafkaPublisher, kafkaProviders, OutboxRelay } from '@copydesk/kafka';
import { HealthController, healthChecksProvider } from '@copydesk/observability';
import { Clock, SystemClock } from './clock/clock';
import { PublishConfig } from './config/publish.config';
import { createPublishDataSource, PUBLISH_SCHEMA } from './database/publish-data-source';
import { DELIVERED_EVENTS, DeliveredEvents } from './outbox/delivered-events';
import { KafkaDeliveredEvents } from './outbox/kafka-delivered-events';
import { PublishOutboxStore } from './outbox/publish-outbox.store';
import { PublishRepository } from './stories/publish.repository';
import { PUBLISH_OUTBOX, PUBLISH_RELAY, PublishService } from './stories/publish.service';
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
    dataSourceProvider(PublishConfig, createPublishDataSource, PUBLISH_SCHEMA),
    ...kafkaProviders(PublishConfig, 'copydesk-publish'),
    { provide: DELIVERED_EVENTS, inject: [KAFKA_CLIENT], useFactory: (kafka: KafkaClient) => new KafkaDeliveredEvents(kafka) },
    {
      provide: PUBLISH_OUTBOX,
      inject: [DataSource, DELIVERED_EVENTS],
      useFactory: (ds: DataSource, delivered: DeliveredEvents) => new PublishOutboxStore(ds, new SqlOutboxStore(ds, PUBLISH_SCHEMA), delivered, PUBLISH_SCHEMA),
    },
    { provide: PUBLISH_RELAY, inject: [PUBLISH_OUTBOX, KafkaPublisher], useFactory: (store: PublishOutboxStore, p: KafkaPublisher) => new OutboxRelay(store, p) },
    healthChecksProvider({ useFactory: (ds: DataSource, broker: BrokerHealth) => [new DatabaseHealth(ds), broker], inject: [DataSource, BrokerHealth] }),
    PublishRepository,
    StoriesRepository,
    StoryViewFactory,
    StreamHead,
    StreamService,
    PublishService,
  ],
})
export class AppModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: KafkaPublisher,
    private readonly broker: BrokerHealth,
    @Inject(PUBLISH_RELAY) private readonly relay: OutboxRelay,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.kick();
    await this.relay.stop();
    await this.publisher.disconnect();
    await this.broker.close();
    await this.dataSource.destroy();
  }
}
