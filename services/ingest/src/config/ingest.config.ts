import { IsInt, IsNotEmpty, IsString, Max, Min, ValidateIf } from 'class-validator';
import { CommonConfig } from '@copydesk/config';

export class IngestConfig extends CommonConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  INGEST_PORT = 8081;

  /**
   * The bearer token of the source administration endpoints (/admin/v1/sources), which the
   * operators' console calls; empty (the default) switches them off.
   */
  @IsString()
  INGEST_ADMIN_TOKEN = '';

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

  /** Most API keys each instance keeps in memory (found keys only; the least recently used goes first). */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  INGEST_SOURCE_CACHE_SIZE = 10_000;

  /**
   * Longest a cached key is trusted before the database is asked again, in seconds. Disabling
   * or rotating a key reaches running instances at once by notification; this is the safety net.
   */
  @IsInt()
  @Min(1)
  @Max(86_400)
  INGEST_SOURCE_CACHE_TTL_SECONDS = 60;

  /**
   * Most `POST /v1/wire` requests one instance works on at once; past it a request is answered
   * 503 OVERLOADED before its body is read. Bodies are held in memory, so this times
   * INGEST_MAX_BODY_BYTES bounds what requests can take.
   */
  @IsInt()
  @Min(1)
  @Max(10_000)
  INGEST_MAX_CONCURRENT_REQUESTS = 32;

  /** Requests per minute one source may make to one instance, sustained (a token bucket). */
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  INGEST_SOURCE_RATE_PER_MINUTE = 6000;

  /** Requests one source may make at once after a quiet spell: the size of its bucket. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  INGEST_SOURCE_BURST = 200;

  /** Seconds between looks for due feeds (`copydesk feeds add`); 0 switches feed polling off on this instance. */
  @IsInt()
  @Min(0)
  @Max(3600)
  INGEST_FEED_SCAN_SECONDS = 5;

  /** Longest one poll of a feed may take, from the request to the last byte of the document, in seconds. */
  @IsInt()
  @Min(1)
  @Max(600)
  INGEST_FEED_TIMEOUT_SECONDS = 30;

  /** Largest feed document taken, in bytes (and never more than INGEST_MAX_BODY_BYTES). */
  @IsInt()
  @Min(1024)
  @Max(32 * 1024 * 1024)
  INGEST_FEED_MAX_BYTES = 10 * 1024 * 1024;

  /** Longest wait between polls of a failing feed, in seconds: failures double the feed's interval up to this. */
  @IsInt()
  @Min(1)
  @Max(7 * 86_400)
  INGEST_FEED_MAX_BACKOFF_SECONDS = 3600;

  /** Most feeds one instance polls at once. */
  @IsInt()
  @Min(1)
  @Max(256)
  INGEST_FEED_CONCURRENCY = 8;

  /**
   * A folder whose files are ingested, each once, then moved to its `processed/` or `failed/`
   * folder; empty (the default) switches the drop folder off.
   */
  @IsString()
  INGEST_DROP_DIR = '';

  /** The registered source the dropped files belong to; required when INGEST_DROP_DIR is set. */
  @ValidateIf((c: IngestConfig) => c.INGEST_DROP_DIR.trim() !== '')
  @IsNotEmpty({ message: 'INGEST_DROP_SOURCE must name a registered source when INGEST_DROP_DIR is set' })
  INGEST_DROP_SOURCE = '';

  /** How long a dropped file's size must stay the same before it is read (a file still being copied is not), in milliseconds. */
  @IsInt()
  @Min(50)
  @Max(600_000)
  INGEST_DROP_STABLE_MS = 2000;

  /** Days submissions and their idempotency keys are kept (a retry with a key older than that is a new submission). */
  @IsInt()
  @Min(1)
  @Max(3650)
  INGEST_RETENTION_DAYS = 7;

  /** Seconds between clean-ups of old submissions; 0 turns the clean-up off. */
  @IsInt()
  @Min(0)
  @Max(86_400)
  INGEST_RETENTION_INTERVAL_SECONDS = 600;

  /** Rows one DELETE of the clean-up removes at most. */
  @IsInt()
  @Min(1)
  @Max(100_000)
  INGEST_RETENTION_BATCH_SIZE = 1000;
}
