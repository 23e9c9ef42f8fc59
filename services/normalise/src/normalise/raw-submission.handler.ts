import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RawSubmission, Topic } from '@copydesk/contracts';
import { KafkaHandlers, KafkaMessageContext } from '@copydesk/kafka';
import { NormaliseService } from './normalise.service';

@KafkaHandlers()
export class RawSubmissionHandler {
  constructor(private readonly normaliser: NormaliseService) {}

  /** The submission arrives decoded and validated by the wire.raw.v1 codec. */
  @EventPattern(Topic.WireRaw)
  async handle(@Payload() submission: RawSubmission, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.normaliser.normalise(submission, ctx.getTraceContext());
  }
}
