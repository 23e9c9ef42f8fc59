import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clean-up removes submissions (and with them their idempotency keys) oldest first, a
 * small batch at a time: `received_at` alone needs an index of its own for that to be a range
 * scan. Built CONCURRENTLY (outside a transaction), so a large table stays writable meanwhile.
 */
export class SubmissionsReceivedIndex1796117600000 implements MigrationInterface {
  name = 'SubmissionsReceivedIndex1796117600000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS submissions_received_at ON ingest.submissions (received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ingest.submissions_received_at`);
  }
}
