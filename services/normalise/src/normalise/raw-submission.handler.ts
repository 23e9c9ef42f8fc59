import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RawSubmission, Topic } from '@copydesk/contracts';
import { KafkaHandlers, KafkaMessageContext } from '@copydesk/kafka';
import { NormaliseService } from './normalise.service';

@KafkaHandlers()
export class RawSubmissionHandler {
  constructor(private readonly normaliser: NormaliseService) {}

  @EventPattern(Topic.WireRaw)
  async handle(@Payload() submission: RawSubmission, @Ctx() _ctx: KafkaMessageContext): Promise<void> {
    await this.normaliser.normalise(submission);
  }
}
