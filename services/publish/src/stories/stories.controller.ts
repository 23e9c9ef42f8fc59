import { Controller, Get, Param, ParseUUIDPipe, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Clock } from '../clock/clock';
import { CONSUMER_KEY } from '../openapi/api-docs';
import { Reader, scopeOf } from '../consumers/reader';
import { CurrentReader, ReaderAuthGuard } from '../consumers/reader-auth.guard';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { PublishError, PublishErrorCode } from '../errors/publish-error';
import { DiffQuery } from './dto/diff.query';
import { ListStoriesQuery } from './dto/list-stories.query';
import { ListVersionsQuery } from './dto/list-versions.query';
import { ErrorBodyDto, StoryDiffDto, StoryDto, StoryPageDto, VersionDto, VersionListDto } from './dto/story.dto';
import { StoriesRepository } from './stories.repository';
import { decodeCursor, encodeCursor } from './story-cursor';
import { diffStories } from './story-diff';
import { StoryViewFactory } from './story-view.factory';
import { decodeVersionCursor, encodeVersionCursor } from './version-cursor';

const storyId = new ParseUUIDPipe({ exceptionFactory: () => PublishError.storyNotFound() });

function versionNumber(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new PublishError(400, PublishErrorCode.InvalidVersion, 'a version is a whole number from 1', [text]);
  return Number(text);
}

@ApiTags('stories')
@ApiBearerAuth(CONSUMER_KEY)
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A parameter is not valid.' })
@ApiUnauthorizedResponse({
  type: ErrorBodyDto,
  description: 'No consumer key (and public reading is off), or a key that is unknown or disabled: `UNAUTHORIZED`.',
})
@ApiTooManyRequestsResponse({
  type: ErrorBodyDto,
  description:
    'Over the rate limit of the consumer key (or, for public reading, of the client address): `RATE_LIMITED`; `Retry-After` says in how many seconds to try again.',
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
  @ApiOperation({
    summary: 'Stories, newest first',
    description:
      'Ordered by the time each story reads as updated; cursor pagination. ' +
      'Without the all-statuses right, a story shows its latest released version, and a story whose latest released version is withheld or canceled is left out (as if absent); a story under embargo appears when its embargo ends.',
  })
  @ApiOkResponse({ type: StoryPageDto })
  async list(@Query() query: ListStoriesQuery, @CurrentReader() reader: Reader): Promise<StoryPageDto> {
    const limit = query.limit ?? 50;
    const rows = await this.stories.listStories(
      {
        sourceId: query.source,
        updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
        pubStatus: query.pubStatus,
        words: query.q,
        limit,
        after: query.cursor ? decodeCursor(query.cursor) : undefined,
      },
      scopeOf(reader),
    );
    const now = this.clock.now();
    const last = rows[rows.length - 1];
    return {
      items: rows.map((r) => this.views.story(r, now)),
      nextCursor: rows.length === limit && last ? encodeCursor({ updatedAt: last.updatedAt, id: last.id }) : null,
    };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'The latest version of a story, as ninjs plus Copydesk’s fields',
    description:
      'Without the all-statuses right: the latest released version; 404 `STORY_NOT_FOUND` while that is withheld or canceled, or while the story is under embargo.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StoryDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async get(@Param('id', storyId) id: string, @CurrentReader() reader: Reader): Promise<StoryDto> {
    const row = await this.stories.findStory(id, scopeOf(reader));
    if (!row) throw PublishError.storyNotFound();
    return this.views.story(row, this.clock.now());
  }

  @Get(':id/versions')
  @ApiOperation({
    summary: 'The versions of a story, oldest first, a page at a time',
    description:
      'Cursor pagination: pass `nextCursor` as `cursor` for the next page. Without the all-statuses right: released, usable versions only, of a story that reader may see (404 otherwise); version numbers then have gaps where a version was withheld.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: VersionListDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async versions(@Param('id', storyId) id: string, @Query() query: ListVersionsQuery, @CurrentReader() reader: Reader): Promise<VersionListDto> {
    const scope = scopeOf(reader);
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeVersionCursor(query.cursor) : undefined;
    if (!(await this.stories.findStory(id, scope))) throw PublishError.storyNotFound();
    const rows = await this.stories.listVersions(id, scope, { limit, after });
    const now = this.clock.now();
    const last = rows[rows.length - 1];
    return {
      storyId: id,
      items: rows.map((r) => this.views.version(r, now)),
      nextCursor: rows.length === limit && last ? encodeVersionCursor(last.version) : null,
    };
  }

  @Get(':id/versions/:n')
  @ApiOperation({ summary: 'One version of a story' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'n', type: Number, description: 'The version number, from 1.' })
  @ApiOkResponse({ type: VersionDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async version(@Param('id', storyId) id: string, @Param('n') n: string, @CurrentReader() reader: Reader): Promise<VersionDto> {
    const scope = scopeOf(reader);
    const version = versionNumber(n);
    const [story, row] = await Promise.all([this.stories.findStory(id, scope), this.stories.findVersion(id, version, scope)]);
    if (!story) throw PublishError.storyNotFound();
    if (!row) throw PublishError.versionNotFound(version);
    return this.views.version(row, this.clock.now());
  }

  @Get(':id/diff')
  @ApiOperation({ summary: 'A word-level diff of headline, summary and body between two versions' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StoryDiffDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async diff(@Param('id', storyId) id: string, @Query() query: DiffQuery, @CurrentReader() reader: Reader): Promise<StoryDiffDto> {
    const scope = scopeOf(reader);
    const [story, from, to] = await Promise.all([
      this.stories.findStory(id, scope),
      this.stories.findVersion(id, query.from, scope),
      this.stories.findVersion(id, query.to, scope),
    ]);
    if (!story) throw PublishError.storyNotFound();
    if (!from || !to) throw PublishError.versionNotFound(from ? query.to : query.from);
    return { storyId: id, from: query.from, to: query.to, ...diffStories(from.document, to.document) };
  }
}
