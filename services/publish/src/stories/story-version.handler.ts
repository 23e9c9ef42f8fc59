import { EventPattern, Payload } from '@nestjs/microservices';
import { StoryVersionMessage, Topic } from '@copydesk/contracts';
import { KafkaHandlers } from '@copydesk/kafka';
import { PublishService } from './publish.service';

@KafkaHandlers()
export class StoryVersionHandler {
  constructor(private readonly publisher: PublishService) {}

  /** Consecutive versions of a partition at once: one transaction for all of them. */
  @EventPattern(Topic.StoryVersions, { batch: true })
  async handle(@Payload() versions: StoryVersionMessage[]): Promise<void> {
    await this.publisher.publishBatch(versions);
  }
}
