import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePublishSchema1764270200000 implements MigrationInterface {
  name = 'CreatePublishSchema1764270200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS publish`);
    await q.query(`
      CREATE TABLE publish.stories (
        id uuid PRIMARY KEY,
        source_id uuid NOT NULL,
        current_version integer NOT NULL,
        version_count integer NOT NULL,
        kind text NOT NULL,
        pub_status text NOT NULL,
        headline text NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_precision text NOT NULL,
        created_at timestamptz NOT NULL,
        submission_id uuid NOT NULL,
        item_index integer NOT NULL,
        document jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX stories_updated ON publish.stories (updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX stories_source_updated ON publish.stories (source_id, updated_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE publish.versions (
        story_id uuid NOT NULL,
        version integer NOT NULL,
        kind text NOT NULL,
        is_current boolean NOT NULL,
        event_id text NOT NULL UNIQUE,
        updated_at timestamptz NOT NULL,
        updated_precision text NOT NULL,
        published_at timestamptz NOT NULL,
        submission_id uuid NOT NULL,
        item_index integer NOT NULL,
        match jsonb NOT NULL,
        document jsonb NOT NULL,
        PRIMARY KEY (story_id, version)
      )`);
    await q.query(`
      CREATE TABLE publish.outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        key text NULL,
        value bytea NULL,
        headers jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE publish.outbox`);
    await q.query(`DROP TABLE publish.versions`);
    await q.query(`DROP TABLE publish.stories`);
  }
}
