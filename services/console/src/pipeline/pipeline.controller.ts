import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { AlertsService } from '../alerts/alerts.service';
import { EventStreams } from '../stream/event-streams';
import { PipelineMonitor } from './pipeline.monitor';
import { PipelineSampler } from './pipeline.sampler';
import { SamplesRepository } from './samples.repository';

export class HistoryQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 10080, default: 60, description: 'How far back (minutes).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10080)
  minutes?: number;
}

@ApiTags('pipeline')
@Controller('api')
export class PipelineController {
  constructor(
    private readonly monitor: PipelineMonitor,
    private readonly sampler: PipelineSampler,
    private readonly samples: SamplesRepository,
    private readonly streams: EventStreams,
    private readonly alerts: AlertsService,
  ) {}

  @Get('pipeline')
  @ApiOperation({
    summary: 'The four stages now: messages/s, lag in messages and seconds with its trend, dead letters in the last hour, each instance’s health.',
  })
  async pipeline() {
    const s = await this.monitor.current();
    return { at: s.at, stages: s.stages };
  }

  @Get('pipeline/history')
  @ApiOperation({ summary: 'Samples of every stage (every 5 s), oldest first.' })
  history(@Query() q: HistoryQuery) {
    return this.samples.since(q.minutes ?? 60);
  }

  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'Server-Sent Events: `pipeline` (every snapshot, at least every 2 s), `sample` (each stored sample), `alert` (a rule fired or resolved).',
  })
  stream(@Res() res: Response): void {
    const stream = this.streams.start(res);
    if (this.monitor.latest) stream.send('pipeline', { at: this.monitor.latest.at, stages: this.monitor.latest.stages });
    const a = this.monitor.snapshots.subscribe((s) => stream.send('pipeline', { at: s.at, stages: s.stages }));
    const b = this.sampler.samples.subscribe((x) => stream.send('sample', x.samples));
    const c = this.alerts.changes.subscribe((n) => stream.send('alert', n));
    stream.closed.addEventListener('abort', () => {
      a.unsubscribe();
      b.unsubscribe();
      c.unsubscribe();
    });
  }
}
