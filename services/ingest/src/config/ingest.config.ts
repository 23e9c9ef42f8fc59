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
}
