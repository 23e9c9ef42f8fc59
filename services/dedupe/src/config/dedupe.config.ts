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

  /**
   * Days a decision (with its evidence) is kept. It is also the record that an item was
   * decided, so keep it longer than wire.normalised.v1 keeps items (7 days).
   */
  @IsInt()
  @Min(1)
  @Max(3650)
  DEDUPE_DECISION_RETENTION_DAYS = 30;

  /** Seconds between clean-ups of old decisions and index keys; 0 turns the clean-up off. */
  @IsInt()
  @Min(0)
  @Max(86_400)
  DEDUPE_RETENTION_INTERVAL_SECONDS = 600;

  /** Rows one DELETE of the clean-up removes at most. */
  @IsInt()
  @Min(1)
  @Max(100_000)
  DEDUPE_RETENTION_BATCH_SIZE = 1000;
}
