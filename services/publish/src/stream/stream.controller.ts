import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PublishError, PublishErrorCode } from '../errors/publish-error';
import { ErrorBodyDto } from '../stories/dto/story.dto';
import { StreamQuery } from './stream.query';
import { StreamEvent, StreamService } from './stream.service';

@ApiTags('stream')
@Controller('v1/stream')
export class StreamController {
  constructor(private readonly stream: StreamService) {}

  @Get()
  @ApiOperation({
    summary: 'Server-Sent Events of published versions',
    description:
      'Each event: `id` = stream position, `event` = the CloudEvents type, `data` = the CloudEvent in structured JSON with the ninjs document as `data`. ' +
      'Reconnect with `Last-Event-ID` (or `?lastEventId=`) to resume after the last event seen, with no gap and no repeat. Without one, the stream starts with the next version published.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last event received.' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless text/event-stream.' })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  async follow(@Headers('last-event-id') header: string | undefined, @Query() query: StreamQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const given = header ?? query.lastEventId;
    if (given !== undefined && !/^\d{1,18}$/.test(given)) {
      throw new PublishError(400, PublishErrorCode.InvalidEventId, 'Last-Event-ID must be an id this stream sent', [given]);
    }
    const from = given ?? (await this.stream.head());
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write(`retry: 2000\n: from ${from}\n\n`);
    const closed = new AbortController();
    req.on('close', () => closed.abort());
    const write = (text: string): Promise<void> =>
      new Promise((resolve) => {
        if (res.write(text)) resolve();
        else res.once('drain', () => resolve());
      });
    await this.stream.follow(
      from,
      {
        send: (e: StreamEvent) => write(`id: ${e.position}\nevent: ${e.event.type}\ndata: ${JSON.stringify(e.event)}\n\n`),
        keepAlive: () => write(': keep-alive\n\n'),
      },
      closed.signal,
    );
    res.end();
  }
}
