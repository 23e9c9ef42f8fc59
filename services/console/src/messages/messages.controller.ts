import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import { EventStreams } from '../stream/event-streams';
import { TopicsService } from '../topics/topics.service';
import { MessagesService } from './messages.service';

export class FilterQuery {
  @ApiProperty() @IsString() topic!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) key?: string;
  @ApiPropertyOptional({ description: 'Submission id header.' }) @IsOptional() @IsString() @MaxLength(200) submission?: string;
  @ApiPropertyOptional({ description: 'Item id header.' }) @IsOptional() @IsString() @MaxLength(200) item?: string;
  @ApiPropertyOptional({ description: 'Story id header (or key).' }) @IsOptional() @IsString() @MaxLength(200) story?: string;
  @ApiPropertyOptional({ description: 'Source id header.' }) @IsOptional() @IsString() @MaxLength(200) source?: string;
}

export class BrowseMessagesQuery extends FilterQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0) partition?: number;
  @ApiPropertyOptional({ description: 'From this offset on (needs partition).' }) @IsOptional() @IsString() @Matches(/^[0-9]+$/) offset?: string;
  @ApiPropertyOptional({ description: 'From the first message at or after this instant.' }) @IsOptional() @IsISO8601({ strict: true }) time?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

@ApiTags('messages')
@Controller('api/messages')
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly streams: EventStreams,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Messages of a topic: the newest, or from an offset or a time; filtered by key and Copydesk headers; each payload decoded as what it is.',
  })
  browse(@Query() q: BrowseMessagesQuery) {
    return this.messages.browse({ ...q, limit: q.limit ?? 50 });
  }

  @Get('tail')
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Server-Sent Events: `message` for every new message of the topic that matches the filter.' })
  tail(@Query() q: FilterQuery, @Res() res: Response): void {
    TopicsService.assertKnown(q.topic);
    const stream = this.streams.start(res);
    this.messages.tail(q.topic, q, stream);
  }
}
