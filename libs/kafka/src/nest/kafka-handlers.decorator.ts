import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { KafkaExceptionFilter } from './kafka-exception.filter';

/**
 * Marks a class whose `@EventPattern(Topic.X)` methods handle Kafka messages. Payloads arrive
 * decoded and validated by the topic's codec (the transport's `decode`): a message of the
 * wrong shape never reaches the handler, it is dead-lettered at once with the reasons.
 * Failures reach the consumer runner as thrown.
 */
export function KafkaHandlers(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(new KafkaExceptionFilter()));
}
