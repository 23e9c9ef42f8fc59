import { QueryRunner } from 'typeorm';

/**
 * Has PostgreSQL compress the given columns with LZ4 rather than pglz, where the server was
 * built with LZ4 (PostgreSQL 14 and later, as the Debian, Ubuntu and Docker builds are).
 * Documents of a few kilobytes — an item, its ninjs, an outbox message — are compressed as
 * they are written, and under load pglz was a tenth of the server's time; LZ4 does the same
 * several times faster. Values already stored stay as they are and read as before. On a server
 * without LZ4 the columns keep pglz and a notice says so.
 */
export async function compressWithLz4(q: QueryRunner, columns: readonly (readonly [table: string, column: string])[]): Promise<void> {
  const statements = columns.map(([table, column]) => `EXECUTE 'ALTER TABLE ${table} ALTER COLUMN ${column} SET COMPRESSION lz4';`).join('\n    ');
  await q.query(`DO $$
  BEGIN
    ${statements}
  EXCEPTION WHEN feature_not_supported OR syntax_error THEN
    RAISE NOTICE 'LZ4 compression is not available on this server; pglz is kept';
  END $$`);
}

/** Back to PostgreSQL's default method for the columns. */
export async function compressWithDefault(q: QueryRunner, columns: readonly (readonly [table: string, column: string])[]): Promise<void> {
  for (const [table, column] of columns) await q.query(`ALTER TABLE ${table} ALTER COLUMN ${column} SET COMPRESSION default`);
}
