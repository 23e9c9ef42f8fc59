import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `outbox.not_before`: a record the relay must not send before this time (an embargoed story's
 * events); null for one to send at once. The partial index serves the relay's check that no
 * earlier record of the same topic and key is still held, so held records keep their key's
 * order without holding up anybody else's.
 */
export class OutboxNotBefore1796100100000 implements MigrationInterface {
  name = 'OutboxNotBefore1796100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dedupe.outbox ADD COLUMN not_before timestamptz NULL`);
    await q.query(`CREATE INDEX outbox_held ON dedupe.outbox (topic, key, id) WHERE not_before IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dedupe.outbox_held`);
    await q.query(`ALTER TABLE dedupe.outbox DROP COLUMN not_before`);
  }
}
