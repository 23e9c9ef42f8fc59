import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrorAnswers } from '@copydesk/observability';
import { ADMIN_TOKEN } from '../openapi/api-docs';
import { SourcesService } from '../sources/sources.service';
import { IngestErrorCode } from '../wire/ingest-error-code';
import { AdminTokenGuard } from './admin-token.guard';
import { NewSourceDto, SourceListDto, SourceListingDto } from './source.dto';
import { SourceStatsRepository } from './source-stats.repository';

/**
 * Source administration over HTTP for the operators' console: the same code path as
 * `copydesk sources …` (list, add with the key shown once, disable, rotate), behind the admin
 * token. The body parser is off in ingest (it reads raw copy), so the name travels in the query.
 */
@ApiTags('source administration')
@ApiBearerAuth(ADMIN_TOKEN)
@ApiErrorAnswers(
  { status: 401, codes: [IngestErrorCode.Unauthorized], description: 'No admin token, or a wrong one' },
  { status: 403, codes: [IngestErrorCode.AdminDisabled], description: 'Source administration is off: INGEST_ADMIN_TOKEN is not set' },
)
@Controller('admin/v1/sources')
@UseGuards(AdminTokenGuard)
export class SourcesAdminController {
  constructor(
    private readonly sources: SourcesService,
    private readonly stats: SourceStatsRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every source, with when it last sent copy and how much in the last hour' })
  @ApiOkResponse({ type: SourceListDto })
  async list() {
    const [sources, stats] = await Promise.all([this.sources.list(), this.stats.all()]);
    return {
      items: sources.map((s) => {
        const st = stats.find((x) => x.sourceId === s.id);
        return { ...s, lastSeenAt: st?.lastSeenAt ?? null, submissionsLastHour: st?.submissionsLastHour ?? 0 };
      }),
    };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a source; its API key is shown in this answer only' })
  @ApiQuery({ name: 'name', required: true, description: '1-100 letters, digits, spaces, dots, dashes or underscores.' })
  @ApiCreatedResponse({ type: NewSourceDto })
  @ApiErrorAnswers(
    { status: 400, codes: [IngestErrorCode.InvalidSourceName], description: 'The name is not valid' },
    { status: 409, codes: [IngestErrorCode.SourceExists], description: 'A source has that name' },
  )
  add(@Query('name') name: string) {
    return this.sources.register(String(name ?? ''));
  }

  @Post(':ref/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a source: its key stops working on every instance' })
  @ApiParam({ name: 'ref', description: 'The source id or name.' })
  @ApiOkResponse({ type: SourceListingDto })
  @ApiErrorAnswers({ status: 404, codes: [IngestErrorCode.SourceNotFound], description: 'No source has that id or name' })
  disable(@Param('ref') ref: string) {
    return this.sources.disable(ref);
  }

  @Post(':ref/rotate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a source a new API key; the old one stops working' })
  @ApiParam({ name: 'ref', description: 'The source id or name.' })
  @ApiOkResponse({ type: NewSourceDto })
  @ApiErrorAnswers({ status: 404, codes: [IngestErrorCode.SourceNotFound], description: 'No source has that id or name' })
  rotate(@Param('ref') ref: string) {
    return this.sources.rotate(ref);
  }
}
