import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

export class StreamQuery {
  @ApiPropertyOptional({ description: 'For clients that cannot set headers: the same as the Last-Event-ID header.' })
  @IsOptional()
  @IsString()
  lastEventId?: string;
}
