import { INestApplication, ValidationPipe } from '@nestjs/common';
import { KafkaExceptionFilter } from './kafka-exception.filter';
import { KafkaTransport, KafkaTransportOptions } from './kafka.transport';

/**
 * Attaches the Kafka transport to a Nest app, with payload validation and the filter that
 * hands failures to the consumer runner. Call `app.startAllMicroservices()` after `app.init()`,
 * so consuming starts only once every module is ready.
 */
export function connectKafkaConsumer(app: INestApplication, options: KafkaTransportOptions): void {
  const microservice = app.connectMicroservice({ strategy: new KafkaTransport(options) }, { inheritAppConfig: false });
  microservice.useGlobalPipes(new ValidationPipe({ transform: false, whitelist: false, validateCustomDecorators: false }));
  microservice.useGlobalFilters(new KafkaExceptionFilter());
}
