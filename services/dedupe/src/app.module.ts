import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { DatabaseHealth, dataSourceProvider } from '@copydesk/database';
import { BrokerHealth, kafkaProviders } from '@copydesk/kafka';
import { HealthController, healthChecksProvider } from '@copydesk/observability';
import { OutboxRelay, outboxProviders } from '@copydesk/outbox';
import { DedupeConfig } from './config/dedupe.config';
import { DecisionsController } from './decisions/decisions.controller';
import { DecisionsRepository } from './decisions/decisions.repository';
import { createDedupeDataSource, DEDUPE_SCHEMA } from './database/dedupe-data-source';
import { DedupeRetention } from './retention/dedupe-retention';
import { DedupeRepository } from './stories/dedupe.repository';
import { DedupeService } from './stories/dedupe.service';
import { NormalisedItemHandler } from './stories/normalised-item.handler';

@Module({
  controllers: [NormalisedItemHandler, HealthController, DecisionsController],
  providers: [
    { provide: DedupeConfig, useFactory: () => loadConfig(DedupeConfig) },
    dataSourceProvider(DedupeConfig, createDedupeDataSource, DEDUPE_SCHEMA),
    ...kafkaProviders(DedupeConfig, 'copydesk-dedupe'),
    ...outboxProviders(DEDUPE_SCHEMA),
    healthChecksProvider({
      useFactory: (ds: DataSource, broker: BrokerHealth, relay: OutboxRelay) => [new DatabaseHealth(ds), broker, relay.healthCheck()],
      inject: [DataSource, BrokerHealth, OutboxRelay],
    }),
    DedupeRepository,
    DedupeService,
    DedupeRetention,
    DecisionsRepository,
  ],
})
export class AppModule {}
