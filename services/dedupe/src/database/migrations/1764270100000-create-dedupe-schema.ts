import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDedupeSchema1764270100000 implements MigrationInterface {
  name = 'CreateDedupeSchema1764270100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS dedupe`);
    await q.query(`
      CREATE TABLE dedupe.stories (
        id uuid PRIMARY KEY,
        source_id uuid NOT NULL,
        wire_guid text NULL,
        language text NULL,
        headline_key text NOT NULL,
        current_version integer NOT NULL,
        latest_version integer NOT NULL,
        current_time_at timestamptz NULL,
        withdrawn boolean NOT NULL DEFAULT false,
        duplicate_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        decided_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX stories_source_guid ON dedupe.stories (source_id, wire_guid) WHERE wire_guid IS NOT NULL`);
    await q.query(`CREATE INDEX stories_source_headline ON dedupe.stories (source_id, headline_key, created_at DESC)`);
    await q.query(`
      CREATE TABLE dedupe.story_versions (
        story_id uuid NOT NULL REFERENCES dedupe.stories(id),
        version integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('created', 'updated', 'corrected', 'withdrawn')),
        content_hash text NOT NULL,
        item_id text NOT NULL,
        wire_version text NULL,
        item_time timestamptz NULL,
        is_current boolean NOT NULL,
        decided_at timestamptz NOT NULL,
        item jsonb NOT NULL,
        PRIMARY KEY (story_id, version)
      )`);
    await q.query(`CREATE INDEX story_versions_hash ON dedupe.story_versions (story_id, content_hash)`);
    await q.query(`
      CREATE TABLE dedupe.decisions (
        item_id text PRIMARY KEY,
        submission_id uuid NOT NULL,
        source_id uuid NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('new-story', 'new-version', 'duplicate')),
        story_id uuid NULL,
        version integer NULL,
        evidence jsonb NOT NULL,
        decided_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX decisions_story ON dedupe.decisions (story_id, decided_at)`);
    await q.query(`
      CREATE TABLE dedupe.outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        key text NULL,
        value bytea NULL,
        headers jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dedupe.outbox`);
    await q.query(`DROP TABLE dedupe.decisions`);
    await q.query(`DROP TABLE dedupe.story_versions`);
    await q.query(`DROP TABLE dedupe.stories`);
  }
}
