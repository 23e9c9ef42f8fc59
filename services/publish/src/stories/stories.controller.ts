import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { formatUpdatedLabel } from '@copydesk/updated-label';
import { ApiError } from '@copydesk/observability';
import { PublishConfig } from '../config/publish.config';
import { storyUri } from '../events/ninjs.mapper';
import { ListStoriesQuery } from './list-stories.query';
import { PublishRepository, StoryRow } from './publish.repository';
import { decodeCursor, encodeCursor } from './story-cursor';

export interface StoryView {
  id: string;
  uri: string;
  sourceId: string;
  version: number;
  versionCount: number;
  kind: string;
  pubStatus: string;
  headline: string;
  updatedAt: string;
  updatedPrecision: string;
  updatedLabel: string;
  firstSeenAt: string;
  submissionId: string;
  itemIndex: number;
  ninjs: unknown;
}

@Controller('v1/stories')
export class StoriesController {
  constructor(
    private readonly repo: PublishRepository,
    private readonly config: PublishConfig,
  ) {}

  @Get()
  async list(@Query() query: ListStoriesQuery): Promise<{ items: StoryView[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const rows = await this.repo.listStories({ sourceId: query.source, limit, after: query.cursor ? decodeCursor(query.cursor) : undefined });
    const now = new Date();
    const last = rows[rows.length - 1];
    return {
      items: rows.map((r) => this.view(r, now)),
      nextCursor: rows.length === limit && last ? encodeCursor({ updatedAt: last.updatedAt, id: last.id }) : null,
    };
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound() })) id: string): Promise<StoryView> {
    const row = await this.repo.findStory(id);
    if (!row) throw notFound();
    return this.view(row, new Date());
  }

  private view(r: StoryRow, now: Date): StoryView {
    return {
      id: r.id,
      uri: storyUri(this.config.PUBLISH_URI_BASE, r.id),
      sourceId: r.sourceId,
      version: r.currentVersion,
      versionCount: r.versionCount,
      kind: r.kind,
      pubStatus: r.pubStatus,
      headline: r.headline,
      updatedAt: r.updatedAt.toISOString(),
      updatedPrecision: r.updatedPrecision,
      updatedLabel: label(r, now, this.config.LABEL_TIME_ZONE),
      firstSeenAt: r.createdAt.toISOString(),
      submissionId: r.submissionId,
      itemIndex: r.itemIndex,
      ninjs: r.document,
    };
  }
}

/** A time known only to the day reads as its date, however recent. */
function label(r: StoryRow, now: Date, timeZone: string): string {
  if (r.updatedPrecision === 'day') {
    return formatUpdatedLabel(r.updatedAt, new Date(Math.max(now.getTime(), r.updatedAt.getTime() + 2 * 86400_000)), { timeZone });
  }
  return formatUpdatedLabel(r.updatedAt, now, { timeZone });
}

function notFound(): ApiError {
  return new ApiError(404, 'STORY_NOT_FOUND', 'no story with this id');
}
