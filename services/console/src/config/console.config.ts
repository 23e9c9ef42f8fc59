import { IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { CommonConfig } from '@copydesk/config';

const URLS = /^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/;

export class ConsoleConfig extends CommonConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  CONSOLE_PORT = 8080;

  /** Each stage's instances (comma-separated base URLs); each answers /health/ready. */
  @Matches(URLS, { message: 'INGEST_URL must be http(s) URLs, comma-separated' })
  INGEST_URL = 'http://127.0.0.1:8081';

  @Matches(URLS, { message: 'NORMALISE_URL must be http(s) URLs, comma-separated' })
  NORMALISE_URL = 'http://127.0.0.1:8082';

  @Matches(URLS, { message: 'DEDUPE_URL must be http(s) URLs, comma-separated' })
  DEDUPE_URL = 'http://127.0.0.1:8083';

  @Matches(URLS, { message: 'PUBLISH_URL must be http(s) URLs, comma-separated' })
  PUBLISH_URL = 'http://127.0.0.1:8084';

  /** The stages' consumer groups, as the stages are configured. */
  @IsString()
  NORMALISE_GROUP_ID = 'copydesk-normalise';

  @IsString()
  DEDUPE_GROUP_ID = 'copydesk-dedupe';

  @IsString()
  PUBLISH_GROUP_ID = 'copydesk-publish';

  /** The console's consumer key for publish's story API (`copydesk consumers add`); empty when publish allows public reading. */
  @IsString()
  CONSOLE_PUBLISH_KEY = '';

  /** The token of ingest's source administration (INGEST_ADMIN_TOKEN of ingest); empty: sources are read-only here. */
  @IsString()
  INGEST_ADMIN_TOKEN = '';

  /** How often the pipeline is measured and pushed to open pages (ms). */
  @IsInt()
  @Min(250)
  @Max(2000)
  CONSOLE_PUSH_MS = 2000;

  /** How often a sample of lag and throughput is stored (ms). */
  @IsInt()
  @Min(1000)
  @Max(60000)
  CONSOLE_SAMPLE_MS = 5000;

  /** Days samples, alert events and audit records are kept. */
  @IsInt()
  @Min(1)
  @Max(365)
  CONSOLE_RETENTION_DAYS = 7;

  /** Hours a session lasts. */
  @IsInt()
  @Min(1)
  @Max(720)
  CONSOLE_SESSION_HOURS = 12;

  /** Set the Secure flag on the session cookie (behind HTTPS). */
  @IsBoolean({ message: 'CONSOLE_COOKIE_SECURE must be true or false' })
  CONSOLE_COOKIE_SECURE = false;

  /** Most dead letters the console holds in view; older ones are still on the topic. */
  @IsInt()
  @Min(100)
  @Max(1000000)
  CONSOLE_DLQ_MAX = 50000;
}

export function urlList(value: string): string[] {
  return value
    .split(',')
    .map((u) => u.trim().replace(/\/+$/, ''))
    .filter((u) => u.length > 0);
}
