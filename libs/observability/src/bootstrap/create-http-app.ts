import { INestApplication, Logger, Module, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { HttpExceptionFilter } from '../errors/http-exception.filter';
import { LifecycleModule, ShutdownPhase, ShutdownSequence } from '../lifecycle/shutdown-sequence';
import { traceHttpRequests } from '../tracing/http-tracing.middleware';
import { startTracing, stopTracing } from '../tracing/tracing';
import { startStartupProbe } from './startup';
import { JsonLogger, Level } from '../logging/json-logger';
import { requestLogging } from '../logging/request-logging';
import { installMetrics } from '../metrics/http-metrics';

export interface HttpAppOptions {
  service: string;
  logLevel: Level;
  /** Milliseconds a graceful shutdown may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Leave body parsing to the app (ingest reads raw bodies). */
  rawBody?: boolean;
  /** Where the service will listen: a start-up probe answers there while it waits for its dependencies. */
  listen?: { host: string; port: number };
  /** Where log lines go; stdout by default. */
  writeLog?: (line: string) => void;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT` (or the traces one): traces are exported only when set. */
  otlpEndpoint?: string;
}

const probes = new WeakMap<INestApplication, { close(): Promise<void> }>();

/** Every service's HTTP side: JSON logs with request ids, metrics, tracing when configured, the JSON error body, validation, graceful shutdown. */
export async function createHttpApp(module: Type<unknown>, options: HttpAppOptions): Promise<NestExpressApplication> {
  const logger = new JsonLogger({ service: options.service, level: options.logLevel, write: options.writeLog });
  Logger.overrideLogger(logger);
  const tracing = startTracing({ service: options.service, endpoint: options.otlpEndpoint });
  const probe = options.listen ? await startStartupProbe(options.listen.host, options.listen.port) : undefined;
  const app = await NestFactory.create<NestExpressApplication>(withLifecycle(module), {
    logger,
    bodyParser: !options.rawBody,
    abortOnError: false,
  });
  app.disable('x-powered-by');
  // First of all middleware (ingest's admission included): every answer carries its request id.
  app.use(requestLogging(logger));
  installMetrics(app);
  if (tracing) {
    app.use(traceHttpRequests());
    app.get(ShutdownSequence).register(ShutdownPhase.Telemetry, 'tracing', stopTracing);
  }
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalPipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }));
  app.enableShutdownHooks();
  installShutdownDeadline(app, options.shutdownTimeoutMs);
  if (probe) probes.set(app, probe);
  return app;
}

/** Takes over the port from the start-up probe: the service answers its own health from here on. */
export async function listenAfterStartup(app: INestApplication, options: { host: string; port: number }): Promise<void> {
  await probes.get(app)?.close();
  probes.delete(app);
  await app.listen(options.port, options.host);
}

/** The service's module under a root that brings the shutdown sequence every provider may register with. */
export function withLifecycle(module: Type<unknown>): Type<unknown> {
  @Module({ imports: [LifecycleModule, module] })
  class ServiceRoot {}
  return ServiceRoot;
}

function installShutdownDeadline(app: INestApplication, timeoutMs: number): void {
  const logger = new Logger('Shutdown');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log({ msg: 'shutting down', signal });
      setTimeout(() => {
        logger.error({ msg: 'shutdown took too long, exiting', timeoutMs });
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
  void app;
}

/** Logs a start-up failure as JSON and exits non-zero. */
export function exitOnStartupFailure(service: string): (e: unknown) => never {
  return (e: unknown) => {
    const logger = new JsonLogger({ service });
    logger.error({ msg: 'start-up failed', err: e instanceof Error ? e : new Error(String(e)) });
    process.exit(1);
  };
}
