import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RawSubmission, Topic } from '@copydesk/contracts';
import { KafkaBatchContext, KafkaHandlers } from '@copydesk/kafka';
import { NormaliseService } from './normalise.service';

@KafkaHandlers()
export class RawSubmissionHandler {
  constructor(private readonly normaliser: NormaliseService) {}

  /**
   * Consecutive submissions of a partition at once, their items sent in one produce request.
   * Each arrives decoded and validated by the wire.raw.v1 codec.
   */
  @EventPattern(Topic.WireRaw, { batch: true })
  async handle(@Payload() submissions: RawSubmission[], @Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.normaliser.normaliseBatch(submissions, ctx.getTraceContexts());
  }
}
