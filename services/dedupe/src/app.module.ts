import { Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { DatabaseHealth, dataSourceProvider, SqlOutboxStore } from '@copydesk/database';
import { BrokerHealth, KafkaPublisher, kafkaProviders, OutboxRelay } from '@copydesk/kafka';
import { HealthController, healthChecksProvider } from '@copydesk/observability';
import { DedupeConfig } from './config/dedupe.config';
import { createDedupeDataSource, DEDUPE_SCHEMA } from './database/dedupe-data-source';
import { DedupeRepository } from './stories/dedupe.repository';
import { DEDUPE_OUTBOX, DEDUPE_RELAY, DedupeService } from './stories/dedupe.service';
import { NormalisedItemHandler } from './stories/normalised-item.handler';

@Module({
  controllers: [NormalisedItemHandler, HealthController],
  providers: [
    { provide: DedupeConfig, useFactory: () => loadConfig(DedupeConfig) },
    dataSourceProvider(DedupeConfig, createDedupeDataSource, DEDUPE_SCHEMA),
    ...kafkaProviders(DedupeConfig, 'copydesk-dedupe'),
    { provide: DEDUPE_OUTBOX, inject: [DataSource], useFactory: (ds: DataSource) => new SqlOutboxStore(ds, DEDUPE_SCHEMA) },
    { provide: DEDUPE_RELAY, inject: [DEDUPE_OUTBOX, KafkaPublisher], useFactory: (store: SqlOutboxStore, p: KafkaPublisher) => new OutboxRelay(store, p) },
    healthChecksProvider({ useFactory: (ds: DataSource, broker: BrokerHealth) => [new DatabaseHealth(ds), broker], inject: [DataSource, BrokerHealth] }),
    DedupeRepository,
    DedupeService,
  ],
})
export class AppModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: KafkaPublisher,
    private readonly broker: BrokerHealth,
    @Inject(DEDUPE_RELAY) private readonly relay: OutboxRelay,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** After the consumer stopped: send what the outbox still holds, then close. */
  async onApplicationShutdown(): Promise<void> {
    await this.relay.kick();
    await this.relay.stop();
    await this.publisher.disconnect();
    await this.broker.close();
    await this.dataSource.destroy();
  }
}
