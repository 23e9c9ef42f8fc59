import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fenced idempotency claims. The request that holds an Idempotency-Key's pending submission
 * holds it as `attempt` n, claimed at `claimed_at`; a retry that finds the claim abandoned
 * (older than a minute) takes it over with one UPDATE that checks the attempt it saw, so two
 * retries can never both take it. The submission keeps its id across attempts: a re-send is
 * the same submission, which the stages downstream recognise by its id.
 * `claimed_at` is NULL for rows from before this migration: their claim dates from `received_at`.
 */
export class IdempotencyClaims1796117500000 implements MigrationInterface {
  name = 'IdempotencyClaims1796117500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ingest.submissions ADD COLUMN attempt integer NOT NULL DEFAULT 1, ADD COLUMN claimed_at timestamptz NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ingest.submissions DROP COLUMN claimed_at, DROP COLUMN attempt`);
  }
}
