import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { NormalisedItemMessage, Topic } from '@copydesk/contracts';
import { KafkaBatchContext, KafkaHandlers } from '@copydesk/kafka';
import { DedupeService } from './dedupe.service';

@KafkaHandlers()
export class NormalisedItemHandler {
  constructor(private readonly dedupe: DedupeService) {}

  /**
   * Consecutive items of a partition at once: one transaction for all of them. Each arrives
   * decoded and validated by the wire.normalised.v1 codec.
   */
  @EventPattern(Topic.WireNormalised, { batch: true })
  async handle(@Payload() messages: NormalisedItemMessage[], @Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.dedupe.processBatch(messages, new Date(), ctx.getTraceContexts());
  }
}
