import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { StoryVersionMessage, Topic } from '@copydesk/contracts';
import { KafkaBatchContext, KafkaHandlers } from '@copydesk/kafka';
import { PublishService } from './publish.service';

@KafkaHandlers()
export class StoryVersionHandler {
  constructor(private readonly publisher: PublishService) {}

  /**
   * Consecutive versions of a partition at once: one transaction for all of them. Each arrives
   * decoded and validated by the story.versions.v1 codec.
   */
  @EventPattern(Topic.StoryVersions, { batch: true })
  async handle(@Payload() versions: StoryVersionMessage[], @Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.publisher.publishBatch(versions, ctx.getTraceContexts());
  }
}
