import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candidate index by day: `story_keys` gains `day` (whole UTC days since 1970), and its
 * B-tree leads with it, `(day, key)`. Keys are random 64-bit values: under `(key, seen_at)`
 * every inserted key landed on a random leaf of an index as large as everything kept, so with
 * a million stories stored each batch dirtied thousands of pages that were no longer in memory
 * and wrote each out again whole after a checkpoint. Under `(day, key)` a batch writes into
 * today's part of the index only and reads the window's few days (one probe a key and a day),
 * so what the index has to keep in memory is the window, whatever is stored. The clean-up
 * removes whole days behind the window through the same index, so `story_keys_seen_at`, a
 * second index written with every key, goes.
 */
export class StoryKeysByDay1796300100000 implements MigrationInterface {
  name = 'StoryKeysByDay1796300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dedupe.story_keys ADD COLUMN day integer`);
    await q.query(`UPDATE dedupe.story_keys SET day = floor(extract(epoch FROM seen_at) / 86400)::int`);
    await q.query(`ALTER TABLE dedupe.story_keys ALTER COLUMN day SET NOT NULL`);
    await q.query(`CREATE INDEX story_keys_day_key ON dedupe.story_keys (day, key) INCLUDE (seen_at, story_id)`);
    await q.query(`DROP INDEX IF EXISTS dedupe.story_keys_key`);
    await q.query(`DROP INDEX IF EXISTS dedupe.story_keys_seen_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX story_keys_seen_at ON dedupe.story_keys (seen_at)`);
    await q.query(`CREATE INDEX story_keys_key ON dedupe.story_keys (key, seen_at) INCLUDE (story_id)`);
    await q.query(`DROP INDEX dedupe.story_keys_day_key`);
    await q.query(`ALTER TABLE dedupe.story_keys DROP COLUMN day`);
  }
}
