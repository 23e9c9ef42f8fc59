import { ApiProperty } from '@nestjs/swagger';

/** A source as the administration lists it. */
export class SourceListingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null while the source may send copy.' }) disabledAt!: string | null;
}

export class SourceStatsListingDto extends SourceListingDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the source last sent copy.' }) lastSeenAt!: string | null;
  @ApiProperty() submissionsLastHour!: number;
}

export class SourceListDto {
  @ApiProperty({ type: [SourceStatsListingDto] }) items!: SourceStatsListingDto[];
}

/** A source with its API key: shown once, when it is made or rotated; only its hash is kept. */
export class NewSourceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Send as `Authorization: Bearer <apiKey>` on `POST /v1/wire`.' }) apiKey!: string;
}
