import { IsInt, IsString, Max, Min } from 'class-validator';
import { CommonConfig } from '@copydesk/config';

export class NormaliseConfig extends CommonConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  NORMALISE_PORT = 8082;

  @IsString()
  NORMALISE_GROUP_ID = 'copydesk-normalise';

  /** Partitions of wire.raw.v1 parsed at once (each partition stays in order). */
  @IsInt()
  @Min(1)
  @Max(64)
  NORMALISE_CONCURRENCY = 2;

  /**
   * Most stories one submission may hold. A feed with more is dead-lettered as TOO_MANY_ITEMS
   * (the raw submission kept in the dead letter), never half-normalised.
   */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  NORMALISE_MAX_ITEMS_PER_SUBMISSION = 10_000;
}
