import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { Audited, RequireRole } from '../auth/access.decorators';
import { GroupsService, ResetTo } from './groups.service';

export class PartitionOffsetDto {
  @ApiProperty() @IsInt() @Min(0) partition!: number;
  @ApiProperty() @IsString() @Matches(/^[0-9]+$/) offset!: string;
}

export class ResetOffsetsDto {
  @ApiProperty() @IsString() topic!: string;
  @ApiProperty({ enum: ['earliest', 'latest', 'time', 'offsets'] }) @IsIn(['earliest', 'latest', 'time', 'offsets']) to!: ResetTo;
  @ApiPropertyOptional({ description: 'With to=time: the first offset at or after this instant.' }) @IsOptional() @IsISO8601({ strict: true }) time?: string;
  @ApiPropertyOptional({ type: [PartitionOffsetDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PartitionOffsetDto)
  offsets?: PartitionOffsetDto[];
}

@ApiTags('groups')
@Controller('api/groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @ApiOperation({ summary: 'Every consumer group with its state, members and lag per topic.' })
  list() {
    return this.groups.list();
  }

  @Get(':groupId')
  @ApiOperation({ summary: 'One group: members and their assignment, lag per partition in messages and seconds.' })
  get(@Param('groupId') groupId: string) {
    return this.groups.get(groupId);
  }

  @Post(':groupId/reset')
  @HttpCode(200)
  @RequireRole('operator')
  @Audited('group.reset-offsets')
  @ApiOperation({ summary: 'Reset a group’s offsets on one topic (operator; the group must have no members).' })
  reset(@Param('groupId') groupId: string, @Body() body: ResetOffsetsDto) {
    return this.groups.reset(groupId, body.topic, body.to, { time: body.time, offsets: body.offsets });
  }
}
