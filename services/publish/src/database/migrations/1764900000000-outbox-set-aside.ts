import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `outbox.failed_at`, `failure`: a record its topic refuses for good (over the size limit) is
 * set aside with the reason, so it never blocks the records behind it.
 */
export class OutboxSetAside1764900000000 implements MigrationInterface {
  name = 'OutboxSetAside1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publish.outbox ADD COLUMN failed_at timestamptz NULL, ADD COLUMN failure text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publish.outbox DROP COLUMN failure, DROP COLUMN failed_at`);
  }
}
