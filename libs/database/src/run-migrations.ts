import { DataSource } from 'typeorm';
import { ensureDatabase, ensureSchema } from './ensure-database';

/**
 * Creates the database and the schema when missing, then applies pending migrations.
 * Prints one JSON line with what it did; rethrows on failure after printing the reason.
 */
export async function runMigrations(schema: string, create: () => DataSource): Promise<string[]> {
  const dataSource = create();
  const url = (dataSource.options as { url?: string }).url as string;
  try {
    const created = await ensureDatabase(url);
    await ensureSchema(url, schema);
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      JSON.stringify({ level: 'info', msg: 'migrations applied', schema, databaseCreated: created, applied: applied.map((m) => m.name) }) + '\n',
    );
    return applied.map((m) => m.name);
  } catch (e) {
    process.stderr.write(JSON.stringify({ level: 'error', msg: 'migrations failed', schema, error: (e as Error).message }) + '\n');
    throw e;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
