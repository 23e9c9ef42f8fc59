import { IsIn, IsInt, IsString, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const OTLP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Settings every service shares. Service configuration classes extend it. */
export class CommonConfig {
  @Matches(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/copydesk';

  @IsIn(LOG_LEVELS as unknown as string[], { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevelName = 'info';

  @IsString()
  HOST = '127.0.0.1';

  /**
   * How long the broker waits for a silent consumer before giving its partitions to another
   * member (and so how long the work of a crashed instance waits before it moves on).
   * 6 s, the broker's minimum, by default; consumers heartbeat six times per timeout.
   */
  @IsInt()
  @Min(6000)
  @Max(300000)
  KAFKA_SESSION_TIMEOUT_MS = 6000;

  /** How long a graceful shutdown may take before the process exits anyway. */
  @IsInt()
  @Min(1000)
  @Max(120000)
  SHUTDOWN_TIMEOUT_MS = 15000;

  /**
   * OTLP/HTTP collector (`http://127.0.0.1:4318`, say): traces are exported only when this or
   * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is set. The OpenTelemetry SDK then reads its other
   * standard `OTEL_*` variables itself.
   */
  @ValidateIf((c: CommonConfig) => c.OTEL_EXPORTER_OTLP_ENDPOINT !== '')
  @IsUrl(OTLP_URL, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT = '';

  /** The traces endpoint in full (`…/v1/traces`), instead of the one derived from `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  @ValidateIf((c: CommonConfig) => c.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== '')
  @IsUrl(OTLP_URL, { message: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = '';
}

/** Where traces are exported, if anywhere (see `OTEL_EXPORTER_OTLP_ENDPOINT`). */
export function otlpEndpointOf(config: Pick<CommonConfig, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'>): string | undefined {
  return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || config.OTEL_EXPORTER_OTLP_ENDPOINT || undefined;
}

/** `host:port,host:port` as a list of broker addresses; blanks around and between entries are dropped. */
export function parseBrokerList(text: string): string[] {
  return text
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/** The brokers of a configuration that has `KAFKA_BROKERS`. */
export function brokerList(config: { KAFKA_BROKERS: string }): string[] {
  return parseBrokerList(config.KAFKA_BROKERS);
}
