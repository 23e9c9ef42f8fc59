import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `consumers`: who may read the stories API and the SSE stream. A consumer's key is stored
 * only as its SHA-256 (keys carry 256 random bits, so a fast hash is safe and can be looked up
 * by an index); `all_statuses` lets the key read withheld and canceled versions and embargoed
 * stories before their time; a disabled consumer keeps its row, and its key stops working.
 */
export class Consumers1796100000000 implements MigrationInterface {
  name = 'Consumers1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE publish.consumers (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        api_key_hash text NOT NULL UNIQUE CHECK (api_key_hash ~ '^[0-9a-f]{64}$'),
        all_statuses boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE publish.consumers`);
  }
}
