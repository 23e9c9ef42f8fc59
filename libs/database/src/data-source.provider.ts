import { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ShutdownPhase, ShutdownSequence, untilAvailable } from '@copydesk/observability';
import { assertMigrated } from './data-source.factory';

/**
 * The service's TypeORM data source as a Nest provider: initialised at start-up, refusing to
 * start while the schema has pending migrations. A service that starts while PostgreSQL is
 * down waits for it. The pool closes last when the service stops.
 */
export function dataSourceProvider(
  configToken: abstract new () => { DATABASE_URL: string },
  create: (url: string) => DataSource,
  schema: string,
): Provider {
  return {
    provide: DataSource,
    inject: [configToken, ShutdownSequence],
    useFactory: async (config: { DATABASE_URL: string }, shutdown: ShutdownSequence) => {
      const dataSource = await untilAvailable('database', async () => {
        const ds = create(config.DATABASE_URL);
        try {
          return await ds.initialize();
        } catch (e) {
          if (ds.isInitialized) await ds.destroy().catch(() => undefined);
          throw e;
        }
      });
      shutdown.register(ShutdownPhase.Pool, `database pool (${schema})`, () => dataSource.destroy());
      await assertMigrated(dataSource, schema);
      return dataSource;
    },
  };
}
