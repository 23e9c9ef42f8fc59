import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { LineageService } from './lineage.service';

export class SearchQuery {
  @ApiProperty({ description: 'A story id, a submission id, a source id, or headline words.' }) @IsString() @MinLength(1) @MaxLength(200) q!: string;
}

export class DiffQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) from!: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) to!: number;
}

@ApiTags('lineage')
@Controller('api/lineage')
export class LineageController {
  constructor(private readonly lineage: LineageService) {}

  @Get('search')
  @ApiOperation({ summary: 'Find stories by id, submission id, source id or headline words.' })
  search(@Query() q: SearchQuery) {
    return this.lineage.search(q.q);
  }

  @Get('stories/:id')
  @ApiOperation({ summary: 'A story’s lineage: submission → raw message → normalised items → dedupe decisions → versions → published events, with offsets.' })
  story(@Param('id') id: string) {
    return this.lineage.lineage(id);
  }

  @Get('stories/:id/diff')
  @ApiOperation({ summary: 'What changed between two versions (publish’s diff).' })
  diff(@Param('id') id: string, @Query() q: DiffQuery) {
    return this.lineage.diff(id, q.from, q.to);
  }
}
