import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { SourcesService } from '../sources/sources.service';
import { AdminTokenGuard } from './admin-token.guard';
import { SourceStatsRepository } from './source-stats.repository';

/**
 * Source administration over HTTP for the operators' console: the same code path as
 * `copydesk sources …` (list, add with the key shown once, disable, rotate), behind the admin
 * token. The body parser is off in ingest (it reads raw copy), so the name travels in the query.
 */
@Controller('admin/v1/sources')
@UseGuards(AdminTokenGuard)
export class SourcesAdminController {
  constructor(
    private readonly sources: SourcesService,
    private readonly stats: SourceStatsRepository,
  ) {}

  @Get()
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
  add(@Query('name') name: string) {
    return this.sources.register(String(name ?? ''));
  }

  @Post(':ref/disable')
  @HttpCode(200)
  disable(@Param('ref') ref: string) {
    return this.sources.disable(ref);
  }

  @Post(':ref/rotate')
  @HttpCode(200)
  rotate(@Param('ref') ref: string) {
    return this.sources.rotate(ref);
  }
}
