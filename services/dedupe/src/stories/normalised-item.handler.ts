import { ParseArrayPipe } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { NormalisedItemMessageDto, Topic } from '@copydesk/contracts';
import { KafkaHandlers } from '@copydesk/kafka';
import { DedupeService } from './dedupe.service';

@KafkaHandlers()
export class NormalisedItemHandler {
  constructor(private readonly dedupe: DedupeService) {}

  /** Consecutive items of a partition at once: one transaction for all of them. */
  @EventPattern(Topic.WireNormalised, { batch: true })
  async handle(@Payload(new ParseArrayPipe({ items: NormalisedItemMessageDto })) messages: NormalisedItemMessageDto[]): Promise<void> {
    await this.dedupe.processBatch(messages);
  }
}
