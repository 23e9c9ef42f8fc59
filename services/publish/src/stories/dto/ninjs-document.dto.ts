import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PUB_STATUSES } from '@copydesk/contracts';

/*
 * The part of IPTC ninjs 3.1 that Copydesk writes, described for the OpenAPI document. The shape is
 * `NinjsDocument` (events/ninjs.mapper.ts); IPTC's schema (http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json)
 * is the contract.
 */

export class NinjsTextDto {
  @ApiPropertyOptional({ example: 'main' }) role?: string;
  @ApiPropertyOptional({ example: 'text/plain' }) contentType?: string;
  @ApiProperty() value!: string;
}

export class NinjsSubjectDto {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ description: '`keyword` for the wire’s keywords: ninjs 3.x has no keywords property.', example: 'keyword' }) rel?: string;
  @ApiPropertyOptional({ format: 'uri', example: 'medtop:20000001' }) uri?: string;
  @ApiPropertyOptional({ example: 'N2:POL' }) literal?: string;
}

export class NinjsConceptDto {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ format: 'uri' }) uri?: string;
  @ApiPropertyOptional({ description: 'The wire’s code, `scheme:code`, where it is no URI.', example: 'sttlocationalias:7576' }) literal?: string;
}

export class NinjsPersonDto extends NinjsConceptDto {
  @ApiPropertyOptional({ description: 'The author’s role as the wire gives it.', example: 'writer' }) rel?: string;
}

export class NinjsPointDto {
  @ApiProperty() x!: number;
  @ApiProperty() y!: number;
}

export class NinjsRenditionDto {
  @ApiProperty({ description: 'As the wire names it.', example: 'baseImage' }) name!: string;
  @ApiPropertyOptional({ format: 'uri', description: 'Only http(s) links are written.' }) href?: string;
  @ApiPropertyOptional({ example: 'image/jpeg' }) contentType?: string;
  @ApiPropertyOptional() width?: number;
  @ApiPropertyOptional() height?: number;
  @ApiPropertyOptional() sizeInBytes?: number;
  @ApiPropertyOptional({ type: NinjsPointDto, description: 'Point of interest, in pixels from the top left.' }) poi?: NinjsPointDto;
}

export class NinjsAssociationDto {
  @ApiProperty({ example: 'picture1' }) name!: string;
  @ApiProperty({ format: 'uri' }) uri!: string;
  @ApiProperty({ enum: ['illustration'] }) rel!: 'illustration';
  @ApiProperty({ enum: ['picture', 'video', 'audio', 'graphic'] }) type!: 'picture' | 'video' | 'audio' | 'graphic';
  @ApiPropertyOptional({ type: [NinjsTextDto], description: 'Roles `caption`, `creditline` and `alt` (the alt text).' }) descriptions?: NinjsTextDto[];
  @ApiPropertyOptional({ description: 'The credit as printed.' }) by?: string;
  @ApiPropertyOptional({ type: [NinjsRenditionDto] }) renditions?: NinjsRenditionDto[];
}

export class NinjsDocumentDto {
  @ApiProperty({ description: 'Stable across versions.' }) uri!: string;
  @ApiProperty({ enum: ['text'] }) type!: 'text';
  @ApiProperty() version!: string;
  @ApiPropertyOptional({ format: 'date-time' }) firstCreated?: string;
  @ApiProperty({ format: 'date-time' }) versionCreated!: string;
  @ApiProperty({ enum: PUB_STATUSES }) pubStatus!: 'usable' | 'withheld' | 'canceled';
  @ApiPropertyOptional({ minimum: 1, maximum: 9 }) urgency?: number;
  @ApiPropertyOptional({ example: 'en' }) language?: string;
  @ApiProperty({ type: [NinjsTextDto] }) headlines!: NinjsTextDto[];
  @ApiPropertyOptional({ type: [NinjsTextDto], description: 'Summary bullets, role `summary`.' }) descriptions?: NinjsTextDto[];
  @ApiPropertyOptional({ type: [NinjsTextDto], description: 'The body as text/plain and text/html.' }) bodies?: NinjsTextDto[];
  @ApiPropertyOptional({ description: 'The printed byline.' }) by?: string;
  @ApiPropertyOptional({ description: 'The dateline.' }) located?: string;
  @ApiPropertyOptional({ example: 'KENYA-ELECTIONS/' }) slugline?: string;
  @ApiPropertyOptional({ format: 'date-time' }) embargoedUntil?: string;
  @ApiPropertyOptional({ description: 'Editorial note: for the receiving editors, not for publication.' }) edNote?: string;
  @ApiPropertyOptional({ example: 'NO ARCHIVAL USE' }) usageTerms?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'After this the provider no longer wants the story used.' }) expires?: string;
  @ApiPropertyOptional({ type: [NinjsSubjectDto], description: 'Subjects, then the keywords (`rel: keyword`).' }) subjects?: NinjsSubjectDto[];
  @ApiPropertyOptional({ type: [NinjsPersonDto], description: 'The authors, each with its role.' }) people?: NinjsPersonDto[];
  @ApiPropertyOptional({ type: [NinjsConceptDto], description: 'Places the story is about.' }) places?: NinjsConceptDto[];
  @ApiPropertyOptional({ type: [NinjsConceptDto] }) genres?: NinjsConceptDto[];
  @ApiPropertyOptional({ type: [NinjsAssociationDto], description: 'Pictures, video, audio and graphics.' }) associations?: NinjsAssociationDto[];
  @ApiPropertyOptional({ type: [NinjsTextDto], description: 'Role `wire-guid`: the agency’s id.' }) altIds?: NinjsTextDto[];
}
