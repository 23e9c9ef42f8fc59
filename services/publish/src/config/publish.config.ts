import { IsBoolean, IsInt, IsNumber, IsString, IsTimeZone, Matches, Max, Min } from 'class-validator';
import { CommonConfig } from '@copydesk/config';

export class PublishConfig extends CommonConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PUBLISH_PORT = 8084;

  @IsString()
  PUBLISH_GROUP_ID = 'copydesk-publish';

  /** Base of the ninjs `uri` and CloudEvents `source`. */
  @Matches(/^[a-z][a-z0-9+.-]*:\S+$/i, { message: 'PUBLISH_URI_BASE must be a URI, e.g. urn:copydesk' })
  PUBLISH_URI_BASE = 'urn:copydesk';

  /** IANA time zone in which "Updated 06 September 2024" labels are rendered. */
  @IsTimeZone({ message: 'LABEL_TIME_ZONE must be an IANA time zone, e.g. Europe/London' })
  LABEL_TIME_ZONE = 'UTC';

  /** How often the SSE stream looks for new versions when nothing told it (ms). */
  @IsInt()
  @Min(50)
  @Max(10000)
  STREAM_POLL_MS = 500;

  /** Seconds between SSE keep-alive comments. */
  @IsInt()
  @Min(1)
  @Max(300)
  STREAM_HEARTBEAT_S = 15;

  /** Connections of the write pool: the consumer's transactions, the outbox relay, the embargo release. */
  @IsInt()
  @Min(2)
  @Max(100)
  PUBLISH_DB_POOL_SIZE = 10;

  /** Connections of the read pool: the stories API, the SSE stream and key look-ups queue here, never for the write pool. */
  @IsInt()
  @Min(1)
  @Max(100)
  PUBLISH_READ_POOL_SIZE = 4;

  /**
   * Whether requests without a consumer key may read: they see usable copy only, never
   * withheld or canceled versions nor embargoed stories. Off by default: every reader needs a key.
   */
  @IsBoolean({ message: 'PUBLISH_PUBLIC_READ must be true or false' })
  PUBLISH_PUBLIC_READ = false;

  /**
   * How long a successful key look-up is reused (ms): a disabled key stops working within this
   * time. 0: every request looks its key up. Failed look-ups are never kept.
   */
  @IsInt()
  @Min(0)
  @Max(60000)
  PUBLISH_KEY_CACHE_TTL_MS = 5000;

  /** Requests a consumer key may make at once (its bucket's size), per instance. */
  @IsInt()
  @Min(1)
  @Max(100000)
  PUBLISH_RATE_LIMIT_BURST = 100;

  /** Requests a second a consumer key may make in the long run (how fast its bucket refills), per instance. */
  @IsNumber({}, { message: 'PUBLISH_RATE_LIMIT_PER_S must be a number' })
  @Min(0.01)
  @Max(100000)
  PUBLISH_RATE_LIMIT_PER_S = 20;

  /** As PUBLISH_RATE_LIMIT_BURST, for public reading, per client address. */
  @IsInt()
  @Min(1)
  @Max(100000)
  PUBLISH_PUBLIC_RATE_LIMIT_BURST = 30;

  /** As PUBLISH_RATE_LIMIT_PER_S, for public reading, per client address. */
  @IsNumber({}, { message: 'PUBLISH_PUBLIC_RATE_LIMIT_PER_S must be a number' })
  @Min(0.01)
  @Max(100000)
  PUBLISH_PUBLIC_RATE_LIMIT_PER_S = 5;

  /**
   * How often the embargo release looks for held versions it was not told about (another
   * instance recorded them), ms. Its own are released on time by a timer.
   */
  @IsInt()
  @Min(100)
  @Max(60000)
  PUBLISH_RELEASE_POLL_MS = 5000;
}
