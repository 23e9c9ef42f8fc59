import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PUB_STATUSES, PubStatus } from '@copydesk/contracts';

export class ListStoriesQuery {
  @ApiPropertyOptional({ description: 'Only stories from this source.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  source?: string;

  @ApiPropertyOptional({ description: 'Only stories updated at or after this instant (ISO 8601).', example: '2025-03-21T09:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  updatedSince?: string;

  @ApiPropertyOptional({ description: 'Only stories with this ninjs pubStatus.', enum: PUB_STATUSES })
  @IsOptional()
  @IsIn(PUB_STATUSES as unknown as string[])
  pubStatus?: PubStatus;

  @ApiPropertyOptional({ description: 'Words that must all appear in the headline (any case).', example: 'Ukraine minerals' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  cursor?: string;
}
