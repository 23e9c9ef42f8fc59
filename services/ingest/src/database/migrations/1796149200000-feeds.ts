import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The RSS and Atom feeds ingest polls, each on behalf of one source. `next_poll_at` says when
 * a feed is due; an instance that takes a due feed holds it by a lease (`lease_token` until
 * `lease_until`), so two instances never poll it at once and a crashed one's feed is taken
 * again when the lease runs out. `etag` and `last_modified` are the validators of the last
 * document accepted, sent back as If-None-Match and If-Modified-Since. The status columns are
 * what `copydesk feeds list` shows; the last error stays
 * after a later success, with its time.
 */
export class Feeds1796149200000 implements MigrationInterface {
  name = 'Feeds1796149200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ingest.feeds (
        id uuid PRIMARY KEY,
        url text NOT NULL UNIQUE,
        source_id uuid NOT NULL REFERENCES ingest.sources(id),
        interval_seconds integer NOT NULL CHECK (interval_seconds > 0),
        etag text NULL,
        last_modified text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        next_poll_at timestamptz NOT NULL DEFAULT now(),
        lease_token uuid NULL,
        lease_until timestamptz NULL,
        last_polled_at timestamptz NULL,
        last_status text NOT NULL DEFAULT 'new' CHECK (last_status IN ('new', 'taken', 'unchanged', 'not-modified', 'error')),
        last_http_status integer NULL,
        last_error_code text NULL,
        last_error_message text NULL,
        last_error_at timestamptz NULL,
        failures integer NOT NULL DEFAULT 0,
        documents_taken integer NOT NULL DEFAULT 0,
        last_submission_id uuid NULL
      )`);
    await q.query(`CREATE INDEX feeds_due ON ingest.feeds (next_poll_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ingest.feeds`);
  }
}
