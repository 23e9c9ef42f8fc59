import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Audited, RequireRole } from '../auth/access.decorators';
import { SourcesService } from './sources.service';

export class AddSourceDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) name!: string;
}

@ApiTags('sources')
@Controller('api/sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Get()
  @ApiOperation({ summary: 'Every source: last seen, submissions and items in the last hour, dead letters.' })
  list() {
    return this.sources.list();
  }

  @Post()
  @RequireRole('admin')
  @Audited('source.add')
  @ApiOperation({ summary: 'Register a source (admin); its key is answered once.' })
  add(@Body() body: AddSourceDto) {
    return this.sources.add(body.name);
  }

  @Post(':ref/disable')
  @HttpCode(200)
  @RequireRole('admin')
  @Audited('source.disable')
  @ApiOperation({ summary: 'Disable a source by name or id (admin): its key stops working.' })
  disable(@Param('ref') ref: string) {
    return this.sources.disable(ref);
  }

  @Post(':ref/rotate')
  @HttpCode(200)
  @RequireRole('admin')
  @Audited('source.rotate')
  @ApiOperation({ summary: 'Give a source a new key (admin), answered once; the old one stops working.' })
  rotate(@Param('ref') ref: string) {
    return this.sources.rotate(ref);
  }
}
