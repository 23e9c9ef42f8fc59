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
  /** Longest a statement may run before PostgreSQL cancels it (ms). */
  statementTimeoutMs?: number;
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
    // Nothing waits for ever: a connection attempt gives up after 5 s, a statement after 30 s,
    // and a transaction left idle (a stalled process) is ended by the server after 60 s, so
    // it cannot hold locks that wedge the other instances.
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      idle_in_transaction_session_timeout: 60_000,
      keepAlive: true,
    },
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
