import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIngestSchema1764270000000 implements MigrationInterface {
  name = 'CreateIngestSchema1764270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS ingest`);
    await q.query(`
      CREATE TABLE ingest.sources (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        api_key_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz NULL
      )`);
    await q.query(`
      CREATE TABLE ingest.submissions (
        id uuid PRIMARY KEY,
        source_id uuid NOT NULL REFERENCES ingest.sources(id),
        received_at timestamptz NOT NULL,
        captured_at timestamptz NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL,
        sha256 text NOT NULL,
        idempotency_key text NULL,
        state text NOT NULL CHECK (state IN ('pending', 'accepted'))
      )`);
    await q.query(`CREATE INDEX submissions_source_received ON ingest.submissions (source_id, received_at DESC)`);
    await q.query(`CREATE UNIQUE INDEX submissions_idempotency ON ingest.submissions (source_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ingest.submissions`);
    await q.query(`DROP TABLE ingest.sources`);
  }
}
