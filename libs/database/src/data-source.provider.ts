import { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertMigrated } from './data-source.factory';

/**
 * The service's TypeORM data source as a Nest provider: initialised at start-up, refusing to
 * start while the schema has pending migrations.
 */
export function dataSourceProvider(
  configToken: abstract new () => { DATABASE_URL: string },
  create: (url: string) => DataSource,
  schema: string,
): Provider {
  return {
    provide: DataSource,
    inject: [configToken],
    useFactory: async (config: { DATABASE_URL: string }) => {
      const dataSource = create(config.DATABASE_URL);
      await dataSource.initialize();
      await assertMigrated(dataSource, schema);
      return dataSource;
    },
  };
}
