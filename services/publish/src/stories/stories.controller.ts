import { Controller, Get, Param, ParseUUIDPipe, Query, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Clock } from '../clock/clock';
import { ReaderAuthGuard } from '../consumers/reader-auth.guard';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { PublishError, PublishErrorCode } from '../errors/publish-error';
import { DiffQuery } from './dto/diff.query';
import { ListStoriesQuery } from './dto/list-stories.query';
import { ErrorBodyDto, StoryDiffDto, StoryDto, StoryPageDto, VersionDto, VersionListDto } from './dto/story.dto';
import { StoriesRepository } from './stories.repository';
import { decodeCursor, encodeCursor } from './story-cursor';
import { diffStories } from './story-diff';
import { StoryViewFactory } from './story-view.factory';

const storyId = new ParseUUIDPipe({ exceptionFactory: () => PublishError.storyNotFound() });

function versionNumber(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new PublishError(400, PublishErrorCode.InvalidVersion, 'a version is a whole number from 1', [text]);
  return Number(text);
}

@ApiTags('stories')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A parameter is not valid.' })
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No consumer key (and public reading is off), or a key that is unknown or disabled: `UNAUTHORIZED`.' })
@ApiTooManyRequestsResponse({
  type: ErrorBodyDto,
  description: 'Over the rate limit of the consumer key (or, for public reading, of the client address): `RATE_LIMITED`; `Retry-After` says in how many seconds to try again.',
  headers: { 'Retry-After': { description: 'Seconds to wait before the next request.', schema: { type: 'integer' } } },
})
@UseGuards(ReaderAuthGuard, RateLimitGuard)
@Controller('v1/stories')
export class StoriesController {
  constructor(
    private readonly stories: StoriesRepository,
    private readonly views: StoryViewFactory,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Stories, newest first', description: 'Ordered by the time each story reads as updated; cursor pagination.' })
  @ApiOkResponse({ type: StoryPageDto })
  async list(@Query() query: ListStoriesQuery): Promise<StoryPageDto> {
    const limit = query.limit ?? 50;
    const rows = await this.stories.listStories({
      sourceId: query.source,
      updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
      pubStatus: query.pubStatus,
      words: query.q,
      limit,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
    });
    const now = this.clock.now();
    const last = rows[rows.length - 1];
    return {
      items: rows.map((r) => this.views.story(r, now)),
      nextCursor: rows.length === limit && last ? encodeCursor({ updatedAt: last.updatedAt, id: last.id }) : null,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'The latest version of a story, as ninjs plus Copydesk’s fields' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StoryDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async get(@Param('id', storyId) id: string): Promise<StoryDto> {
    const row = await this.stories.findStory(id);
    if (!row) throw PublishError.storyNotFound();
    return this.views.story(row, this.clock.now());
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Every version of a story, oldest first' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: VersionListDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async versions(@Param('id', storyId) id: string): Promise<VersionListDto> {
    const rows = await this.stories.listVersions(id);
    if (rows.length === 0) throw PublishError.storyNotFound();
    const now = this.clock.now();
    return { storyId: id, items: rows.map((r) => this.views.version(r, now)) };
  }

  @Get(':id/versions/:n')
  @ApiOperation({ summary: 'One version of a story' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'n', type: Number, description: 'The version number, from 1.' })
  @ApiOkResponse({ type: VersionDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async version(@Param('id', storyId) id: string, @Param('n') n: string): Promise<VersionDto> {
    const version = versionNumber(n);
    const row = await this.stories.findVersion(id, version);
    if (!row) throw (await this.stories.findStory(id)) ? PublishError.versionNotFound(version) : PublishError.storyNotFound();
    return this.views.version(row, this.clock.now());
  }

  @Get(':id/diff')
  @ApiOperation({ summary: 'A word-level diff of headline, summary and body between two versions' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StoryDiffDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async diff(@Param('id', storyId) id: string, @Query() query: DiffQuery): Promise<StoryDiffDto> {
    const [from, to] = await Promise.all([this.stories.findVersion(id, query.from), this.stories.findVersion(id, query.to)]);
    if (!from || !to) {
      if (!(await this.stories.findStory(id))) throw PublishError.storyNotFound();
      throw PublishError.versionNotFound(from ? query.to : query.from);
    }
    return { storyId: id, from: query.from, to: query.to, ...diffStories(from.document, to.document) };
  }
}
