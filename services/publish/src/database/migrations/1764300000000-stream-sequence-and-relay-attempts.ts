import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - `versions.seq`: the position of each version in the published stream, in commit order
 *   (handed out from `stream_position` under a row lock, so a reader that sees N has seen every
 *   position below N). The SSE stream's event ids are these positions.
 * - `outbox.attempted_at`: set just before the relay hands a record to Kafka, so a relay that
 *   finds it set knows the record may already be on the topic (a crash between send and delete).
 * - A word index on headlines for `GET /v1/stories?q=`.
 */
export class StreamSequenceAndRelayAttempts1764300000000 implements MigrationInterface {
  name = 'StreamSequenceAndRelayAttempts1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publish.versions ADD COLUMN seq bigint`);
    await q.query(`
      UPDATE publish.versions v SET seq = o.n
        FROM (SELECT story_id, version, row_number() OVER (ORDER BY published_at, story_id, version) AS n FROM publish.versions) o
       WHERE v.story_id = o.story_id AND v.version = o.version`);
    await q.query(`ALTER TABLE publish.versions ALTER COLUMN seq SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX versions_seq ON publish.versions (seq)`);
    await q.query(`
      CREATE TABLE publish.stream_position (
        id smallint PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL
      )`);
    await q.query(`INSERT INTO publish.stream_position (id, seq) SELECT 1, COALESCE(max(seq), 0) FROM publish.versions`);
    await q.query(`ALTER TABLE publish.outbox ADD COLUMN attempted_at timestamptz NULL`);
    await q.query(`CREATE INDEX stories_headline_words ON publish.stories USING gin (to_tsvector('simple', headline))`);
    await q.query(`CREATE INDEX stories_pub_status_updated ON publish.stories (pub_status, updated_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX publish.stories_pub_status_updated`);
    await q.query(`DROP INDEX publish.stories_headline_words`);
    await q.query(`ALTER TABLE publish.outbox DROP COLUMN attempted_at`);
    await q.query(`DROP TABLE publish.stream_position`);
    await q.query(`DROP INDEX publish.versions_seq`);
    await q.query(`ALTER TABLE publish.versions DROP COLUMN seq`);
  }
}
