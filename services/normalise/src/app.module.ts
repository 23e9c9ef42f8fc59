import { Module } from '@nestjs/common';
import { loadConfig } from '@copydesk/config';
import { BrokerHealth, kafkaProviders } from '@copydesk/kafka';
import { HealthController, healthChecksProvider } from '@copydesk/observability';
import { NormaliseConfig } from './config/normalise.config';
import { NormaliseService } from './normalise/normalise.service';
import { RawSubmissionHandler } from './normalise/raw-submission.handler';

/** Normalise is stateless: it reads the broker and writes the broker; no database. */
@Module({
  controllers: [RawSubmissionHandler, HealthController],
  providers: [
    { provide: NormaliseConfig, useFactory: () => loadConfig(NormaliseConfig) },
    ...kafkaProviders(NormaliseConfig, 'copydesk-normalise'),
    healthChecksProvider({ useFactory: (broker: BrokerHealth) => [broker], inject: [BrokerHealth] }),
    NormaliseService,
  ],
})
export class AppModule {}
