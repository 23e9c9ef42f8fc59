import { KafkaHandlers } from '@copydesk/kafka';
import { EventPattern, Payload } from '@nestjs/microservices';
import { NormalisedItemMessageDto, Topic } from '@copydesk/contracts';
import { DedupeService } from './dedupe.service';

@KafkaHandlers()
export class NormalisedItemHandler {
  constructor(private readonly dedupe: DedupeService) {}

  @EventPattern(Topic.WireNormalised)
  async handle(@Payload() message: NormalisedItemMessageDto): Promise<void> {
    await this.dedupe.process(message);
  }
}
