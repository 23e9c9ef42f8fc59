import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TopicsService } from './topics.service';

@ApiTags('topics')
@Controller('api/topics')
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Get()
  @ApiOperation({
    summary: 'Every topic: partitions, retention, cleanup policy, message count, watermarks per partition, produce rate, the groups reading it with their lag.',
  })
  list() {
    return this.topics.list();
  }
}
