import { INestApplication, ValidationPipe } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadConfig } from '@copydesk/config';
import { HttpExceptionFilter, withLifecycle } from '@copydesk/observability';
import { AppModule } from '../app.module';
import { PublishConfig } from '../config/publish.config';

export interface RunningPublishApp {
  app: INestApplication;
  config: PublishConfig;
  url: string;
  close(): Promise<void>;
}

/**
 * The publish app on the real broker and database, as `createHttpApp` sets it up (the JSON
 * error body, validation), with the configuration read from `env` (a spec passes its
 * environment with its own settings on top), its HTTP side on a free port of 127.0.0.1. The
 * consumer is not connected: specs record versions through `PublishService`, as it would.
 */
export async function startPublishApp(env: Record<string, string | undefined>, beforeListen?: (app: INestApplication) => void): Promise<RunningPublishApp> {
  const config = loadConfig(PublishConfig, env);
  const moduleRef = await Test.createTestingModule({ imports: [withLifecycle(AppModule)] })
    .overrideProvider(PublishConfig)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['warn', 'error'] });
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalPipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }));
  beforeListen?.(app);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return { app, config, url, close: () => app.close() };
}
