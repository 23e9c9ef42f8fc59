import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { DatabaseHealth, dataSourceProvider } from '@copydesk/database';
import { BrokerHealth, KafkaAdmin, kafkaProviders, KafkaConnection, OffsetReader } from '@copydesk/kafka';
import { HealthController, healthChecksProvider } from '@copydesk/observability';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsRepository } from './alerts/alerts.repository';
import { AlertsService } from './alerts/alerts.service';
import { AuditController } from './audit/audit.controller';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditRepository } from './audit/audit.repository';
import { SessionController } from './auth/session.controller';
import { SessionGuard } from './auth/session.guard';
import { UsersController } from './auth/users.controller';
import { UsersRepository } from './auth/users.repository';
import { UsersService } from './auth/users.service';
import { ConsoleConfig } from './config/console.config';
import { CONSOLE_SCHEMA, createConsoleDataSource } from './database/console-data-source';
import { DeadLetterStore } from './dead-letters/dead-letter.store';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { ReplayService } from './dead-letters/replay.service';
import { ReplaysRepository } from './dead-letters/replays.repository';
import { GroupsController } from './groups/groups.controller';
import { GroupsService } from './groups/groups.service';
import { LineageController } from './lineage/lineage.controller';
import { LineageService } from './lineage/lineage.service';
import { MessageLocator } from './lineage/message-locator';
import { UpstreamClient } from './lineage/upstream.client';
import { MessagesController } from './messages/messages.controller';
import { MessagesService } from './messages/messages.service';
import { PipelineController } from './pipeline/pipeline.controller';
import { PipelineMonitor } from './pipeline/pipeline.monitor';
import { PipelineSampler } from './pipeline/pipeline.sampler';
import { SamplesRepository } from './pipeline/samples.repository';
import { EventStreams } from './stream/event-streams';
import { SourcesController } from './sources/sources.controller';
import { SourcesService } from './sources/sources.service';
import { TopicsController } from './topics/topics.controller';
import { TopicsService } from './topics/topics.service';

@Module({
  controllers: [
    HealthController,
    SessionController,
    UsersController,
    AuditController,
    PipelineController,
    TopicsController,
    GroupsController,
    DeadLettersController,
    LineageController,
    MessagesController,
    SourcesController,
    AlertsController,
  ],
  providers: [
    { provide: ConsoleConfig, useFactory: () => loadConfig(ConsoleConfig) },
    dataSourceProvider(ConsoleConfig, (url) => createConsoleDataSource(url), CONSOLE_SCHEMA),
    ...kafkaProviders(ConsoleConfig, 'copydesk-console'),
    { provide: OffsetReader, inject: [KafkaConnection, KafkaAdmin], useFactory: (c: KafkaConnection, a: KafkaAdmin) => new OffsetReader(c, a) },
    healthChecksProvider({ useFactory: (ds: DataSource, broker: BrokerHealth) => [new DatabaseHealth(ds), broker], inject: [DataSource, BrokerHealth] }),
    { provide: APP_GUARD, useClass: SessionGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
    UsersRepository,
    UsersService,
    AuditRepository,
    EventStreams,
    DeadLetterStore,
    ReplaysRepository,
    ReplayService,
    PipelineMonitor,
    SamplesRepository,
    PipelineSampler,
    TopicsService,
    GroupsService,
    UpstreamClient,
    MessageLocator,
    LineageService,
    MessagesService,
    SourcesService,
    AlertsRepository,
    AlertsService,
  ],
})
export class AppModule {}
