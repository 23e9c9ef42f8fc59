import { applyDecorators, Controller, UseFilters, UsePipes, ValidationPipe } from '@nestjs/common';
import { KafkaExceptionFilter } from './kafka-exception.filter';

/**
 * Marks a class whose `@EventPattern(Topic.X)` methods handle Kafka messages: payloads are
 * validated with class-validator, and failures reach the consumer runner as thrown
 * (validation failures as permanent errors, dead-lettered with the messages at once).
 */
export function KafkaHandlers(): ClassDecorator {
  return applyDecorators(
    Controller(),
    UsePipes(new ValidationPipe({ transform: false, forbidUnknownValues: false })),
    UseFilters(new KafkaExceptionFilter()),
  );
}
