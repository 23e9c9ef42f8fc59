import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `outbox.attempted_at`: set just before the relay hands a record to Kafka, so a relay that
 * finds it set knows the record may already be on the topic (a crash between send and delete)
 * and checks the topic's tail before sending it again. Publish's outbox has had it since
 * its stream-sequence migration; every outbox now works the same way.
 * `outbox.failed_at`, `failure`: a record its topic refuses for good (over the size limit) is
 * set aside with the reason, so it never blocks the records behind it.
 */
export class OutboxAttempts1764900000000 implements MigrationInterface {
  name = 'OutboxAttempts1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dedupe.outbox ADD COLUMN attempted_at timestamptz NULL, ADD COLUMN failed_at timestamptz NULL, ADD COLUMN failure text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dedupe.outbox DROP COLUMN failure, DROP COLUMN failed_at, DROP COLUMN attempted_at`);
  }
}
