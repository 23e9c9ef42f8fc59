import { DataSource, EntitySchema, MixedList } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  /** The PostgreSQL schema the service owns: "ingest", "dedupe", "publish". */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/** A TypeORM data source for one service's schema. The schema is never synchronised: migrations own it. */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    applicationName: options.applicationName ?? `copydesk-${options.schema}`,
    extra: { max: options.poolSize ?? 10 },
  });
}

export class MigrationsPendingError extends Error {
  constructor(schema: string) {
    super(`database schema "${schema}" has pending migrations; run \`npm run setup\` (or \`copydesk db migrate\`) first`);
    this.name = 'MigrationsPendingError';
  }
}

/** Fails start-up with a clear message when the schema is behind the code. */
export async function assertMigrated(dataSource: DataSource, schema: string): Promise<void> {
  if (await dataSource.showMigrations()) throw new MigrationsPendingError(schema);
}
