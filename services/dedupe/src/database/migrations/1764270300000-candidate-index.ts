import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candidate index text matching retrieves through, never scanning stories:
 * - story_keys: one row per (fingerprint key, version): MinHash LSH band keys, lede and
 *   paragraph hashes, headline and lede trigram bands; keys are scoped to source and
 *   language by construction. One range scan per key, bounded by the matching window.
 * - story_wire_ids: wire ids and the ids named by links (placeholders until they arrive).
 * Each version keeps its fingerprint; each story the position of its current version and
 * when its keys were last written (a story re-scraped for weeks has them written again
 * once a day, so it never falls out of the window while it is still being seen).
 */
export class CandidateIndex1764270300000 implements MigrationInterface {
  name = 'CandidateIndex1764270300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dedupe.stories
        ADD COLUMN pub_status text NOT NULL DEFAULT 'usable',
        ADD COLUMN current_wire_guid text NULL,
        ADD COLUMN current_wire_version text NULL,
        ADD COLUMN current_format text NOT NULL DEFAULT 'text-page',
        ADD COLUMN current_precision text NOT NULL DEFAULT 'second',
        ADD COLUMN headline_match text NOT NULL DEFAULT '',
        ADD COLUMN last_seen_at timestamptz NULL,
        ADD COLUMN keys_refreshed_at timestamptz NULL`);
    await q.query(`UPDATE dedupe.stories SET last_seen_at = decided_at, keys_refreshed_at = decided_at, headline_match = headline_key`);
    await q.query(`ALTER TABLE dedupe.stories ALTER COLUMN last_seen_at SET NOT NULL, ALTER COLUMN keys_refreshed_at SET NOT NULL`);
    await q.query(`
      ALTER TABLE dedupe.story_versions
        ADD COLUMN pub_status text NOT NULL DEFAULT 'usable',
        ADD COLUMN fingerprint jsonb NULL,
        ADD COLUMN shingles integer[] NULL`);
    await q.query(`
      CREATE TABLE dedupe.story_keys (
        key bigint NOT NULL,
        seen_at timestamptz NOT NULL,
        story_id uuid NOT NULL
      )`);
    await q.query(`CREATE INDEX story_keys_key ON dedupe.story_keys (key, seen_at) INCLUDE (story_id)`);
    await q.query(`
      CREATE TABLE dedupe.story_wire_ids (
        source_id uuid NOT NULL,
        guid text NOT NULL,
        story_id uuid NOT NULL REFERENCES dedupe.stories(id),
        via text NOT NULL CHECK (via IN ('id', 'link')),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (source_id, guid)
      )`);
    await q.query(`CREATE INDEX story_wire_ids_story ON dedupe.story_wire_ids (story_id)`);
    await q.query(`
      INSERT INTO dedupe.story_wire_ids (source_id, guid, story_id, via, created_at)
      SELECT source_id, wire_guid, id, 'id', created_at FROM dedupe.stories WHERE wire_guid IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dedupe.story_wire_ids`);
    await q.query(`DROP TABLE dedupe.story_keys`);
    await q.query(`ALTER TABLE dedupe.story_versions DROP COLUMN shingles, DROP COLUMN fingerprint, DROP COLUMN pub_status`);
    await q.query(`
      ALTER TABLE dedupe.stories DROP COLUMN keys_refreshed_at, DROP COLUMN last_seen_at, DROP COLUMN headline_match,
        DROP COLUMN current_precision, DROP COLUMN current_format, DROP COLUMN current_wire_version,
        DROP COLUMN current_wire_guid, DROP COLUMN pub_status`);
  }
}
