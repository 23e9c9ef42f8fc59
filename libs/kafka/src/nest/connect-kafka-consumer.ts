import { INestApplication } from '@nestjs/common';
import { KafkaTransport, KafkaTransportOptions } from './kafka.transport';

/**
 * Attaches the Kafka transport to a Nest app. Handler classes carry `@KafkaHandlers()`, which
 * brings the filter that hands failures to the consumer runner as thrown; payloads arrive
 * decoded and validated by the topic's codec.
 * Call `app.startAllMicroservices()` after `app.init()`, so consuming starts only once every
 * module is ready.
 */
export function connectKafkaConsumer(app: INestApplication, options: KafkaTransportOptions): KafkaTransport {
  const transport = new KafkaTransport(options);
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: false });
  return transport;
}
