import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Topic } from '@copydesk/contracts';
import { OffsetReader } from '@copydesk/kafka';
import { Audited, CurrentOperator, RequireRole } from '../auth/access.decorators';
import { Operator } from '../auth/role';
import { ConsoleError, ConsoleErrorCode } from '../errors/console-error';
import { messageView } from '../messages/message-view';
import { DeadLetterFilter, DeadLetterStore } from './dead-letter.store';
import { ReplayService } from './replay.service';
import { ReplaysRepository } from './replays.repository';

export class DeadLetterQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() stage?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() code?: string;
  @ApiPropertyOptional({ description: 'The original topic.' }) @IsOptional() @IsString() topic?: string;
  @ApiPropertyOptional({ description: 'Source id.' }) @IsOptional() @IsString() source?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

export class LetterRefDto {
  @ApiProperty() @IsInt() @Min(0) partition!: number;
  @ApiProperty() @IsString() @Matches(/^[0-9]+$/) offset!: string;
}

export class FilterDto {
  @ApiPropertyOptional() @IsOptional() @IsString() stage?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() code?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() topic?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() source?: string;
}

export class ReplayDto {
  @ApiPropertyOptional({ type: [LetterRefDto], description: 'These dead letters…' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => LetterRefDto)
  letters?: LetterRefDto[];

  @ApiPropertyOptional({ type: FilterDto, description: '…or every one that matches.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FilterDto)
  filter?: FilterDto;
}

@ApiTags('dead letters')
@Controller('api/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly store: DeadLetterStore,
    private readonly replay: ReplayService,
    private readonly replays: ReplaysRepository,
    private readonly reader: OffsetReader,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Dead letters, newest first, grouped by stage and code, filtered by stage, code, original topic, source.' })
  async list(@Query() q: DeadLetterQuery) {
    const filter: DeadLetterFilter = { stage: q.stage, code: q.code, topic: q.topic, source: q.source };
    const all = this.store.list(filter);
    const groups = new Map<string, { stage: string; code: string; count: number; latest: string }>();
    for (const e of this.store.list()) {
      const k = `${e.stage}\u0000${e.errorCode}`;
      const g = groups.get(k) ?? { stage: e.stage, code: e.errorCode, count: 0, latest: e.at };
      g.count++;
      groups.set(k, g);
    }
    const items = all.slice(0, q.limit ?? 200);
    const replayed = await this.replays.find(Topic.WireDlq, items);
    return {
      total: all.length,
      groups: [...groups.values()].sort((a, b) => b.count - a.count),
      items: items.map((e) => ({ ...e, replay: replayed.find((r) => r.dlqPartition === e.partition && r.dlqOffset === e.offset) ?? null })),
    };
  }

  @Get(':partition/:offset')
  @ApiOperation({ summary: 'One dead letter with its payload, decoded as what it was.' })
  async get(@Param('partition', ParseIntPipe) partition: number, @Param('offset') offset: string) {
    const entry = this.store.find(partition, offset);
    if (!entry) throw new ConsoleError(ConsoleErrorCode.DeadLetterNotFound, `no dead letter at ${Topic.WireDlq}/${partition}/${offset}`);
    const read = await this.reader.read([{ topic: Topic.WireDlq, partition, offset, limit: 1 }]);
    const message = read.get(`${Topic.WireDlq}/${partition}`)?.find((m) => m.offset === offset);
    const [replay] = await this.replays.find(Topic.WireDlq, [{ partition, offset }]);
    return { ...entry, replay: replay ?? null, message: message ? messageView(message) : null };
  }

  @Post('replay')
  @HttpCode(200)
  @RequireRole('operator')
  @Audited('dead-letter.replay')
  @ApiOperation({ summary: 'Replay dead letters to their original topics (operator). Each is replayed at most once; answers each result.' })
  async replayLetters(@Body() body: ReplayDto, @CurrentOperator() operator: Operator) {
    if (!body.letters === !body.filter) throw new ConsoleError(ConsoleErrorCode.InvalidRequest, 'give either letters or filter');
    const letters = body.letters
      ? body.letters.map((l) => {
          const e = this.store.find(l.partition, l.offset);
          if (!e) throw new ConsoleError(ConsoleErrorCode.DeadLetterNotFound, `no dead letter at ${Topic.WireDlq}/${l.partition}/${l.offset}`);
          return e;
        })
      : this.store.list(body.filter ?? {}).reverse();
    const results = await this.replay.replay(letters, operator.username);
    const count = (r: string) => results.filter((x) => x.result === r).length;
    return { replayed: count('replayed'), alreadyReplayed: count('already-replayed'), failed: count('failed'), results };
  }
}
