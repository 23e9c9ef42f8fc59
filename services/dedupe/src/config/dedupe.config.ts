import { IsInt, IsString, Max, Min } from 'class-validator';
import { CommonConfig } from '@copydesk/config';

export class DedupeConfig extends CommonConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  DEDUPE_PORT = 8083;

  @IsString()
  DEDUPE_GROUP_ID = 'copydesk-dedupe';

  /** How far back text matching looks for the same story, in hours. */
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  DEDUPE_WINDOW_HOURS = 72;

  @IsInt()
  @Min(1)
  @Max(64)
  DEDUPE_CONCURRENCY = 2;
}
