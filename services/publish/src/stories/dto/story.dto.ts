import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PUB_STATUSES, PubStatus, STORY_EVENT_TYPES, StoryEventType, TIME_PRECISIONS, TimePrecision, VERSION_KINDS, VersionKind } from '@copydesk/contracts';
import { NinjsDocument } from '../../events/ninjs.mapper';
import { DIFF_GRANULARITIES, DiffGranularity } from '../story-diff';

/** The name of the ninjs document schema among the OpenAPI document's component schemas (api-docs.ts puts it there). */
export const NINJS_COMPONENT = 'NinjsDocument';

const NINJS = {
  allOf: [{ $ref: `#/components/schemas/${NINJS_COMPONENT}` }],
  description: 'The version as an IPTC ninjs 3.1 document (`NinjsDocument`: the subset Copydesk writes, valid against IPTC’s schema too).',
};

/** Fields every story in a response carries: the update time and its label, rendered at request time. */
export class UpdatedFields {
  @ApiProperty({ description: 'When the story reads as updated (ISO 8601).', format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ enum: TIME_PRECISIONS, description: 'How exact updatedAt is: a day-precise time renders as a date.' })
  updatedPrecision!: TimePrecision;

  @ApiProperty({ description: 'Rendered when the response was made.', example: 'Updated 7 min 35 sec ago' })
  updatedLabel!: string;
}

/** A story's latest version, as ninjs plus Copydesk's fields. */
export class StoryDto extends UpdatedFields {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The ninjs uri: stable across versions.', example: 'urn:copydesk:story:3f2b1c9e-…' }) uri!: string;
  @ApiProperty({ format: 'uuid' }) sourceId!: string;
  @ApiProperty({ description: 'The current version number.' }) version!: number;
  @ApiProperty() versionCount!: number;
  @ApiProperty({ enum: VERSION_KINDS }) kind!: VersionKind;
  @ApiProperty({ enum: PUB_STATUSES }) pubStatus!: PubStatus;
  @ApiProperty() headline!: string;
  @ApiProperty({ format: 'date-time', description: 'When Copydesk first saw the story.' }) firstSeenAt!: string;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ description: 'Position of the story in its submission.' }) itemIndex!: number;
  @ApiProperty(NINJS) ninjs!: NinjsDocument;
}

export class StoryPageDto {
  @ApiProperty({ type: [StoryDto] }) items!: StoryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' }) nextCursor!: string | null;
}

/** One version of a story. */
export class VersionDto extends UpdatedFields {
  @ApiProperty({ format: 'uuid' }) storyId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: VERSION_KINDS }) kind!: VersionKind;
  @ApiProperty({ description: 'False for a late, older version kept in history only.' }) current!: boolean;
  @ApiProperty({ enum: PUB_STATUSES, description: 'The version’s ninjs pubStatus.' }) pubStatus!: PubStatus;
  @ApiProperty({ description: 'False while the version is held under embargo (seen only with the all-statuses right).' }) released!: boolean;
  @ApiProperty({ description: 'The CloudEvents id of the version’s event.', example: '3f2b1c9e-…:2' }) eventId!: string;
  @ApiProperty({ enum: STORY_EVENT_TYPES }) eventType!: StoryEventType;
  @ApiProperty({ format: 'date-time', description: 'When the version was published; for a version under embargo, when it will be.' }) publishedAt!: string;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty() itemIndex!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'How dedupe matched the item to the story.' }) match!: Record<string, unknown>;
  @ApiProperty(NINJS) ninjs!: NinjsDocument;
}

export class VersionListDto {
  @ApiProperty({ format: 'uuid' }) storyId!: string;
  @ApiProperty({ type: [VersionDto], description: 'Oldest first.' }) items!: VersionDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' }) nextCursor!: string | null;
}

export class DiffSegmentDto {
  @ApiProperty({ enum: ['equal', 'insert', 'delete'] }) op!: 'equal' | 'insert' | 'delete';
  @ApiProperty() text!: string;
}

const GRANULARITY_DESCRIPTION =
  "`word`: compared word by word. `line`: the versions are too long or too different for that within the diff's bounds, " +
  'so whole lines (paragraphs, summary bullets) are compared. `whole`: beyond the bounds even by line, so the part is ' +
  'one deletion of the old text and one insertion of the new.';

export class DiffGranularityDto {
  @ApiProperty({ enum: DIFF_GRANULARITIES, description: GRANULARITY_DESCRIPTION }) headline!: DiffGranularity;
  @ApiProperty({ enum: DIFF_GRANULARITIES, description: GRANULARITY_DESCRIPTION }) summary!: DiffGranularity;
  @ApiProperty({ enum: DIFF_GRANULARITIES, description: GRANULARITY_DESCRIPTION }) body!: DiffGranularity;
}

export class StoryDiffDto {
  @ApiProperty({ format: 'uuid' }) storyId!: string;
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ description: 'Whether headline, summary or body differ.' }) changed!: boolean;
  @ApiProperty({ type: [DiffSegmentDto] }) headline!: DiffSegmentDto[];
  @ApiProperty({ type: [DiffSegmentDto], description: 'Summary bullets, one a line.' }) summary!: DiffSegmentDto[];
  @ApiProperty({ type: [DiffSegmentDto], description: 'The plain-text body.' }) body!: DiffSegmentDto[];
  @ApiProperty({ type: DiffGranularityDto, description: 'How finely each part was compared; the runs rebuild both texts at every granularity.' })
  granularity!: DiffGranularityDto;
}

export class ErrorBodyDto {
  @ApiProperty({ example: 'STORY_NOT_FOUND' }) error!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: 'array', items: {} }) details!: unknown[];
}
