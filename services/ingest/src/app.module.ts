import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { DatabaseHealth, dataSourceProvider } from '@copydesk/database';
import { BrokerHealth, kafkaProviders } from '@copydesk/kafka';
import { HealthController, healthChecksProvider } from '@copydesk/observability';
import { AdminTokenGuard } from './admin/admin-token.guard';
import { SourceStatsRepository } from './admin/source-stats.repository';
import { SourcesAdminController } from './admin/sources-admin.controller';
import { WireAdmission } from './admission/wire-admission.middleware';
import { IngestConfig } from './config/ingest.config';
import { DropFolder } from './drop-folder/drop-folder';
import { createIngestDataSource, INGEST_SCHEMA } from './database/ingest-data-source';
import { FeedPoller } from './feeds/feed-poller';
import { FeedsRepository } from './feeds/feeds.repository';
import { IngestRetention } from './retention/ingest-retention';
import { BearerAuthGuard } from './sources/bearer-auth.guard';
import { SourceChangesListener } from './sources/source-changes.listener';
import { SourcesRepository } from './sources/sources.repository';
import { SourcesService } from './sources/sources.service';
import { LateAcceptances } from './wire/late-acceptances';
import { SubmissionsRepository } from './wire/submissions.repository';
import { WireController } from './wire/wire.controller';
import { WireService } from './wire/wire.service';

@Module({
  controllers: [WireController, HealthController, SourcesAdminController],
  providers: [
    healthChecksProvider({
      useFactory: (ds: DataSource, broker: BrokerHealth) => [new DatabaseHealth(ds), broker],
      inject: [DataSource, BrokerHealth],
    }),
    { provide: IngestConfig, useFactory: () => loadConfig(IngestConfig) },
    dataSourceProvider(IngestConfig, createIngestDataSource, INGEST_SCHEMA),
    ...kafkaProviders(IngestConfig, 'copydesk-ingest'),
    SourcesRepository,
    {
      provide: SourcesService,
      inject: [SourcesRepository, IngestConfig],
      useFactory: (repo: SourcesRepository, config: IngestConfig) =>
        new SourcesService(repo, { maxEntries: config.INGEST_SOURCE_CACHE_SIZE, ttlMs: config.INGEST_SOURCE_CACHE_TTL_SECONDS * 1000 }),
    },
    SourceChangesListener,
    WireAdmission,
    BearerAuthGuard,
    AdminTokenGuard,
    SourceStatsRepository,
    SubmissionsRepository,
    LateAcceptances,
    IngestRetention,
    WireService,
    FeedsRepository,
    FeedPoller,
    DropFolder,
  ],
  exports: [IngestConfig],
})
export class AppModule {}
