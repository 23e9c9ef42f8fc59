import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import express from 'express';
import { loadConfig, otlpEndpointOf } from '@copydesk/config';
import { createHttpApp, exitOnStartupFailure, listenAfterStartup } from '@copydesk/observability';
import { continueAfterAdmission, WireAdmission } from './admission/wire-admission.middleware';
import { AppModule } from './app.module';
import { IngestConfig } from './config/ingest.config';
import { countRefusals } from './wire/wire-metrics';
import { mountApiDocs } from './openapi/api-docs';

async function bootstrap(): Promise<void> {
  const config = loadConfig(IngestConfig);
  const app = await createHttpApp(AppModule, {
    service: 'ingest',
    logLevel: config.LOG_LEVEL,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    rawBody: true,
    listen: { host: config.HOST, port: config.INGEST_PORT },
    otlpEndpoint: otlpEndpointOf(config),
  });
  app.use('/v1/wire', countRefusals);
  // Room, key and rate are checked before the body is read: a refused request never costs its body.
  app.use('/v1/wire', app.get(WireAdmission).middleware);
  continueAfterAdmission(app.getHttpServer());
  // Copy is taken as bytes, whatever its type: decoding is normalise's job.
  app.use('/v1/wire', express.raw({ type: () => true, limit: config.INGEST_MAX_BODY_BYTES }));
  mountApiDocs(app);
  await listenAfterStartup(app, { host: config.HOST, port: config.INGEST_PORT });
  new Logger('Bootstrap').log({ msg: 'listening', url: `http://${config.HOST}:${config.INGEST_PORT}`, node: process.versions.node });
}

bootstrap().catch(exitOnStartupFailure('ingest'));
