import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Audited, RequireRole } from '../auth/access.decorators';
import { STAGE_NAMES } from '../pipeline/stages';
import { ALERT_KINDS, AlertKind } from './alert-rule';
import { AlertsService } from './alerts.service';

export class AddRuleDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiProperty({ enum: ALERT_KINDS }) @IsIn(ALERT_KINDS as unknown as string[]) kind!: AlertKind;
  @ApiProperty({ enum: STAGE_NAMES }) @IsIn(STAGE_NAMES as unknown as string[]) stage!: string;
  @ApiPropertyOptional({ description: 'Seconds of lag, or dead letters a minute; unused for stage_not_ready.' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  threshold?: number;
  @ApiProperty({ description: 'How long the condition must hold before the alert fires (s).' }) @IsInt() @Min(0) @Max(86400) holdSeconds!: number;
  @ApiPropertyOptional({ description: 'Where firing and resolution are POSTed as JSON.' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  webhookUrl?: string;
}

@ApiTags('alerts')
@Controller('api/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({ summary: 'Alert rules with their state, and recent firings and resolutions.' })
  list() {
    return this.alerts.list();
  }

  @Post('rules')
  @RequireRole('admin')
  @Audited('alert.add')
  @ApiOperation({ summary: 'Add an alert rule (admin).' })
  add(@Body() body: AddRuleDto) {
    return this.alerts.add({
      name: body.name,
      kind: body.kind,
      stage: body.stage,
      threshold: body.threshold ?? 0,
      holdSeconds: body.holdSeconds,
      webhookUrl: body.webhookUrl ?? null,
    });
  }

  @Delete('rules/:id')
  @RequireRole('admin')
  @Audited('alert.remove')
  @ApiOperation({ summary: 'Remove an alert rule (admin).' })
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.alerts.remove(id);
  }

  @Post('rules/:id/test')
  @HttpCode(200)
  @RequireRole('operator')
  @Audited('alert.test')
  @ApiOperation({ summary: 'Send a test notice to the rule’s webhook (operator).' })
  test(@Param('id', ParseUUIDPipe) id: string) {
    return this.alerts.test(id);
  }
}
