import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@copydesk/config';
import { createHttpApp, exitOnStartupFailure, listenAfterStartup } from '@copydesk/observability';
import { AppModule } from './app.module';
import { ConsoleConfig } from './config/console.config';
import { mountApiDocs } from './openapi/api-docs';
import { mountWebApp } from './web/web-app';

async function main(): Promise<void> {
  const config = loadConfig(ConsoleConfig);
  const listen = { host: config.HOST, port: config.CONSOLE_PORT };
  const app = await createHttpApp(AppModule, { service: 'console', logLevel: config.LOG_LEVEL, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS, listen });
  mountWebApp(app);
  mountApiDocs(app);
  await app.init();
  await listenAfterStartup(app, listen);
  new Logger('Bootstrap').log({ msg: 'listening', url: `http://${config.HOST}:${config.CONSOLE_PORT}` });
}

main().catch(exitOnStartupFailure('console'));
