import { IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PUB_STATUSES, PubStatus, SIGNALS, Signal, WIRE_FORMATS, WireFormat } from '../canonical-item';

/** Validates the parts of a canonical item that later stages rely on. */
export class CanonicalItemDto {
  @IsIn(WIRE_FORMATS as string[])
  format!: WireFormat;

  @IsObject()
  wire!: Record<string, unknown>;

  @IsString()
  headline!: string;

  @IsArray()
  @IsString({ each: true })
  summary!: string[];

  @IsArray()
  body!: unknown[];

  @IsArray()
  media!: unknown[];

  @IsArray()
  subjects!: unknown[];

  @IsIn(PUB_STATUSES as string[])
  pubStatus!: PubStatus;

  @IsArray()
  @IsIn(SIGNALS as string[], { each: true })
  signals!: Signal[];

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9)
  urgency?: number;

  @Matches(/^[0-9a-f]{64}$/)
  contentHash!: string;
}
