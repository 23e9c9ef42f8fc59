import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { brokerList, loadConfig } from '@copydesk/config';
import { assertMigrated, DatabaseHealth } from '@copydesk/database';
import { BrokerHealth, createKafkaClient, KafkaPublisher } from '@copydesk/kafka';
import { HealthController, healthChecksProvider } from '@copydesk/observability';
import { IngestConfig } from './config/ingest.config';
import { createIngestDataSource, INGEST_SCHEMA } from './database/ingest-data-source';
import { BearerAuthGuard } from './sources/bearer-auth.guard';
import { SourcesRepository } from './sources/sources.repository';
import { SourcesService } from './sources/sources.service';
import { SubmissionsRepository } from './wire/submissions.repository';
import { WireController } from './wire/wire.controller';
import { WireService } from './wire/wire.service';

const KAFKA = Symbol('KAFKA');

@Module({
  controllers: [WireController, HealthController],
  providers: [
    healthChecksProvider({
      useFactory: (ds: DataSource, broker: BrokerHealth) => [new DatabaseHealth(ds), broker],
      inject: [DataSource, BrokerHealth],
    }),
    { provide: IngestConfig, useFactory: () => loadConfig(IngestConfig) },
    {
      provide: DataSource,
      inject: [IngestConfig],
      useFactory: async (config: IngestConfig) => {
        const ds = createIngestDataSource(config.DATABASE_URL);
        await ds.initialize();
        await assertMigrated(ds, INGEST_SCHEMA);
        return ds;
      },
    },
    { provide: KAFKA, inject: [IngestConfig], useFactory: (c: IngestConfig) => createKafkaClient({ brokers: brokerList(c), clientId: 'copydesk-ingest' }) },
    {
      provide: KafkaPublisher,
      inject: [KAFKA],
      useFactory: async (kafka: ReturnType<typeof createKafkaClient>) => {
        const publisher = new KafkaPublisher(kafka);
        await publisher.connect();
        return publisher;
      },
    },
    { provide: BrokerHealth, inject: [KAFKA], useFactory: (kafka: ReturnType<typeof createKafkaClient>) => new BrokerHealth(kafka) },
    SourcesRepository,
    SourcesService,
    BearerAuthGuard,
    SubmissionsRepository,
    WireService,
  ],
  exports: [IngestConfig],
})
export class AppModule implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: KafkaPublisher,
    @Inject(BrokerHealth) private readonly broker: BrokerHealth,
  ) {}

  /** After HTTP stopped taking requests: flush the producer, then close the pool. */
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
    await this.broker.close();
    await this.dataSource.destroy();
  }
}
