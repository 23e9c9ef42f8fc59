import { Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { brokerList, loadConfig } from '@copydesk/config';
import { assertMigrated, DatabaseHealth, SqlOutboxStore } from '@copydesk/database';
import { BrokerHealth, createKafkaClient, KafkaPublisher, OutboxRelay } from '@copydesk/kafka';
import { HealthController, healthChecksProvider } from '@copydesk/observability';
import { PublishConfig } from './config/publish.config';
import { createPublishDataSource, PUBLISH_SCHEMA } from './database/publish-data-source';
import { PublishRepository } from './stories/publish.repository';
import { PUBLISH_OUTBOX, PUBLISH_RELAY, PublishService } from './stories/publish.service';
import { StoriesController } from './stories/stories.controller';
import { StoryVersionHandler } from './stories/story-version.handler';

const KAFKA = Symbol('KAFKA');
type Kafka = ReturnType<typeof createKafkaClient>;

@Module({
  controllers: [StoryVersionHandler, StoriesController, HealthController],
  providers: [
    { provide: PublishConfig, useFactory: () => loadConfig(PublishConfig) },
    {
      provide: DataSource,
      inject: [PublishConfig],
      useFactory: async (config: PublishConfig) => {
        const ds = createPublishDataSource(config.DATABASE_URL);
        await ds.initialize();
        await assertMigrated(ds, PUBLISH_SCHEMA);
        return ds;
      },
    },
    { provide: KAFKA, inject: [PublishConfig], useFactory: (c: PublishConfig) => createKafkaClient({ brokers: brokerList(c), clientId: 'copydesk-publish' }) },
    {
      provide: KafkaPublisher,
      inject: [KAFKA],
      useFactory: async (kafka: Kafka) => {
        const publisher = new KafkaPublisher(kafka);
        await publisher.connect();
        return publisher;
      },
    },
    { provide: PUBLISH_OUTBOX, inject: [DataSource], useFactory: (ds: DataSource) => new SqlOutboxStore(ds, PUBLISH_SCHEMA) },
    { provide: PUBLISH_RELAY, inject: [PUBLISH_OUTBOX, KafkaPublisher], useFactory: (store: SqlOutboxStore, p: KafkaPublisher) => new OutboxRelay(store, p) },
    { provide: BrokerHealth, inject: [KAFKA], useFactory: (kafka: Kafka) => new BrokerHealth(kafka) },
    healthChecksProvider({ useFactory: (ds: DataSource, broker: BrokerHealth) => [new DatabaseHealth(ds), broker], inject: [DataSource, BrokerHealth] }),
    PublishRepository,
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
