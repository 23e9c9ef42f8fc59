import { Module, OnApplicationShutdown } from '@nestjs/common';
import { brokerList, loadConfig } from '@copydesk/config';
import { BrokerHealth, createKafkaClient, KafkaPublisher } from '@copydesk/kafka';
import { HealthController, healthChecksProvider } from '@copydesk/observability';
import { NormaliseConfig } from './config/normalise.config';
import { NormaliseService } from './normalise/normalise.service';
import { RawSubmissionHandler } from './normalise/raw-submission.handler';

const KAFKA = Symbol('KAFKA');
type Kafka = ReturnType<typeof createKafkaClient>;

/** Normalise is stateless: it reads the broker and writes the broker; no database. */
@Module({
  controllers: [RawSubmissionHandler, HealthController],
  providers: [
    { provide: NormaliseConfig, useFactory: () => loadConfig(NormaliseConfig) },
    { provide: KAFKA, inject: [NormaliseConfig], useFactory: (c: NormaliseConfig) => createKafkaClient({ brokers: brokerList(c), clientId: 'copydesk-normalise' }) },
    {
      provide: KafkaPublisher,
      inject: [KAFKA],
      useFactory: async (kafka: Kafka) => {
        const publisher = new KafkaPublisher(kafka);
        await publisher.connect();
        return publisher;
      },
    },
    { provide: BrokerHealth, inject: [KAFKA], useFactory: (kafka: Kafka) => new BrokerHealth(kafka) },
    healthChecksProvider({ useFactory: (broker: BrokerHealth) => [broker], inject: [BrokerHealth] }),
    NormaliseService,
  ],
})
export class AppModule implements OnApplicationShutdown {
  constructor(
    private readonly publisher: KafkaPublisher,
    private readonly broker: BrokerHealth,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
    await this.broker.close();
  }
}
