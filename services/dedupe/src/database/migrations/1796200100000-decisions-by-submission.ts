import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The decisions endpoint finds what dedupe decided for a submission (the console's story
 * lineage, searched by submission id): an index on `submission_id`, built CONCURRENTLY.
 */
export class DecisionsBySubmission1796200100000 implements MigrationInterface {
  name = 'DecisionsBySubmission1796200100000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS decisions_submission ON dedupe.decisions (submission_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS dedupe.decisions_submission`);
  }
}
