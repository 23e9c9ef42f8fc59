import { Controller, Get, Headers, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Reader, scopeOf } from '../consumers/reader';
import { CurrentReader, ReaderAuthGuard } from '../consumers/reader-auth.guard';
import { CONSUMER_KEY } from '../openapi/api-docs';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { PublishError, PublishErrorCode } from '../errors/publish-error';
import { ErrorBodyDto } from '../stories/dto/story.dto';
import { sseClientJoined } from '../stories/publish-metrics';
import { StreamQuery } from './stream.query';
import { EventStreamResponse } from './event-stream.response';
import { StreamService } from './stream.service';

@ApiTags('stream')
@ApiBearerAuth(CONSUMER_KEY)
@ApiUnauthorizedResponse({
  type: ErrorBodyDto,
  description: 'No consumer key (and public reading is off), or a key that is unknown or disabled: `UNAUTHORIZED`.',
})
@ApiTooManyRequestsResponse({
  type: ErrorBodyDto,
  description:
    'Over the rate limit of the consumer key (or, for public reading, of the client address): `RATE_LIMITED`; `Retry-After` says in how many seconds to try again.',
  headers: { 'Retry-After': { description: 'Seconds to wait before the next request.', schema: { type: 'integer' } } },
})
@UseGuards(ReaderAuthGuard, RateLimitGuard)
@Controller('v1/stream')
export class StreamController {
  constructor(private readonly stream: StreamService) {}

  @Get()
  @ApiOperation({
    summary: 'Server-Sent Events of published versions',
    description:
      'Each event: `id` = stream position, `event` = the CloudEvents type, `data` = the CloudEvent in structured JSON with the ninjs document as `data`. ' +
      'Reconnect with `Last-Event-ID` (or `?lastEventId=`) to resume after the last event seen, with no gap and no repeat. Without one, the stream starts with the next version published. ' +
      'Versions come in the order they were released: a version under embargo comes when its embargo ends (for every reader), with the next position. ' +
      'Without the all-statuses right, a withheld or canceled version comes as a notice whose `data` holds only `uri`, `type`, `version`, `versionCreated` and `pubStatus`: enough to take the story down, none of its copy.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last event received.' })
  @ApiOkResponse({
    description: 'An endless stream: `retry`, then `id: <position>` alone, then one event per published version.',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          'id: 42\nevent: story.updated\ndata: {"specversion":"1.0","id":"3f2b…:2","type":"story.updated","data":{"uri":"urn:copydesk:story:3f2b…"}}\n\n',
      },
    },
  })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  async follow(
    @Headers('last-event-id') header: string | undefined,
    @Query() query: StreamQuery,
    @Res() res: Response,
    @CurrentReader() reader: Reader,
  ): Promise<void> {
    const given = header ?? query.lastEventId;
    if (given !== undefined && !/^\d{1,18}$/.test(given)) {
      throw new PublishError(400, PublishErrorCode.InvalidEventId, 'Last-Event-ID must be an id this stream sent', [given]);
    }
    const from = given ?? (await this.stream.start());
    const stream = new EventStreamResponse(res);
    stream.open(from);
    const left = sseClientJoined();
    try {
      await this.stream.follow(from, stream, stream.closed, scopeOf(reader));
    } finally {
      left();
    }
    stream.end();
  }
}
