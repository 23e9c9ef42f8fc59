import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { CanonicalItem } from '../canonical-item';
import { NormalisedItemMessage } from '../normalised-item';
import { CanonicalItemDto } from './canonical-item.dto';

/** `wire.normalised.v1` value, validated when dedupe receives it. */
export class NormalisedItemMessageDto implements NormalisedItemMessage {
  @IsString()
  itemId!: string;

  @IsUUID()
  submissionId!: string;

  @IsUUID()
  sourceId!: string;

  @IsInt()
  @Min(0)
  itemIndex!: number;

  @IsInt()
  @Min(1)
  itemCount!: number;

  @IsDateString()
  receivedAt!: string;

  @IsDateString()
  capturedAt!: string;

  @ValidateNested()
  @Type(() => CanonicalItemDto)
  item!: CanonicalItem;
}
