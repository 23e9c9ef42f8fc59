import { InjectionToken, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ShutdownPhase, ShutdownSequence, untilAvailable } from '@copydesk/observability';
import { assertMigrated } from './data-source.factory';

export interface DataSourceProviderOptions {
  /** The injection token; TypeORM's `DataSource` by default. A second pool needs a token of its own. */
  provide?: InjectionToken;
  /** What the pool is called in start-up and shutdown logs; the schema by default. */
  label?: string;
  /** Refuse to start while the schema has pending migrations (default true; one pool of a service is enough). */
  checkMigrations?: boolean;
}

/**
 * The service's TypeORM data source as a Nest provider: initialised at start-up, refusing to
 * start while the schema has pending migrations. A service that starts while PostgreSQL is
 * down waits for it. The pool closes last when the service stops. `create` gets the
 * configuration too, so a service can size each of its pools from it.
 */
export function dataSourceProvider<C extends { DATABASE_URL: string }>(
  configToken: abstract new () => C,
  create: (url: string, config: C) => DataSource,
  schema: string,
  options: DataSourceProviderOptions = {},
): Provider {
  const label = options.label ?? schema;
  const dependency = options.label ? `database (${options.label})` : 'database';
  return {
    provide: options.provide ?? DataSource,
    inject: [configToken, ShutdownSequence],
    useFactory: async (config: C, shutdown: ShutdownSequence) => {
      const dataSource = await untilAvailable(dependency, async () => {
        const ds = create(config.DATABASE_URL, config);
        try {
          return await ds.initialize();
        } catch (e) {
          if (ds.isInitialized) await ds.destroy().catch(() => undefined);
          throw e;
        }
      });
      shutdown.register(ShutdownPhase.Pool, `database pool (${label})`, () => dataSource.destroy());
      if (options.checkMigrations ?? true) await assertMigrated(dataSource, schema);
      return dataSource;
    },
  };
}
