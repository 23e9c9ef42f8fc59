import { KafkaHandlers } from '@copydesk/kafka';
import { EventPattern, Payload } from '@nestjs/microservices';
import { StoryVersionMessage, Topic } from '@copydesk/contracts';
import { PublishService } from './publish.service';

@KafkaHandlers()
export class StoryVersionHandler {
  constructor(private readonly publisher: PublishService) {}

  @EventPattern(Topic.StoryVersions)
  async handle(@Payload() version: StoryVersionMessage): Promise<void> {
    await this.publisher.publish(version);
  }
}
