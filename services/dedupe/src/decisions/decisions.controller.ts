import { Controller, Get, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ApiError } from '@copydesk/observability';
import { DecisionsRepository } from './decisions.repository';

export class DecisionsQuery {
  @IsOptional() @IsUUID() storyId?: string;
  @IsOptional() @IsUUID() submissionId?: string;
  @IsOptional() @IsString() @MaxLength(200) itemId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

/**
 * Read-only: the decisions dedupe made (new story, new version, duplicate, with the evidence),
 * by story, submission or item — how the console shows a story's lineage without reading
 * dedupe's schema itself.
 */
@Controller('v1/decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsRepository) {}

  @Get('per-source')
  async perSource(@Query('hours') hours?: string) {
    const h = hours === undefined ? 1 : Number(hours);
    if (!Number.isInteger(h) || h < 1 || h > 24 * 30) throw new ApiError(400, 'INVALID_HOURS', 'hours is a whole number from 1 to 720');
    return { hours: h, items: await this.decisions.perSource(h) };
  }

  @Get()
  async find(@Query() q: DecisionsQuery) {
    if (!q.storyId && !q.submissionId && !q.itemId) throw new ApiError(400, 'FILTER_REQUIRED', 'give storyId, submissionId or itemId');
    return { items: await this.decisions.find(q, q.limit ?? 200) };
  }
}
