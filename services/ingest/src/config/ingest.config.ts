import { IsInt, Max, Min } from 'class-validator';
import { CommonConfig } from '@copydesk/config';

export class IngestConfig extends CommonConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  INGEST_PORT = 8081;

  /** Largest body accepted, in bytes. Kafka's topic limit is set above this. */
  @IsInt()
  @Min(1024)
  @Max(32 * 1024 * 1024)
  INGEST_MAX_BODY_BYTES = 30 * 1024 * 1024;

  /** How far `X-Captured-At` may lie ahead of the receive time (clock skew), in seconds. */
  @IsInt()
  @Min(0)
  @Max(3600)
  INGEST_CAPTURED_AT_MAX_AHEAD_SECONDS = 300;

  /** How far `X-Captured-At` may lie behind the receive time, in days. */
  @IsInt()
  @Min(1)
  @Max(36500)
  INGEST_CAPTURED_AT_MAX_AGE_DAYS = 3650;
}
