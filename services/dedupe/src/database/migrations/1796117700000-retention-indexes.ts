import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clean-up removes decisions older than their retention and candidate-index keys older
 * than the matching window, oldest first, a small batch at a time: `decided_at` and `seen_at`
 * alone need indexes of their own for that to be a range scan (story_keys' index leads with
 * the key). Built CONCURRENTLY (outside a transaction), so large tables stay writable meanwhile.
 */
export class RetentionIndexes1796117700000 implements MigrationInterface {
  name = 'RetentionIndexes1796117700000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS decisions_decided_at ON dedupe.decisions (decided_at)`);
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS story_keys_seen_at ON dedupe.story_keys (seen_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS dedupe.story_keys_seen_at`);
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS dedupe.decisions_decided_at`);
  }
}
