import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's own state: operators and their sessions (passwords as scrypt hashes, session
 * tokens as SHA-256), the audit of every write, the pipeline's samples for the sparklines,
 * the dead-letter replays (one row per dead letter: replaying twice creates nothing new),
 * and the alert rules with what they did.
 */
export class CreateConsoleSchema1796200000000 implements MigrationInterface {
  name = 'CreateConsoleSchema1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE console.users (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._@-]{1,64}$'),
        role text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz NULL
      )`);
    await q.query(`
      CREATE TABLE console.sessions (
        token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        user_id uuid NOT NULL REFERENCES console.users (id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_expiry ON console.sessions (expires_at)`);
    await q.query(`
      CREATE TABLE console.audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        username text NOT NULL,
        action text NOT NULL,
        target text NOT NULL DEFAULT '',
        details jsonb NOT NULL DEFAULT '{}',
        result text NOT NULL,
        status integer NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_at ON console.audit (at DESC)`);
    await q.query(`
      CREATE TABLE console.samples (
        stage text NOT NULL,
        at timestamptz NOT NULL,
        lag bigint NULL,
        lag_seconds double precision NULL,
        rate double precision NOT NULL,
        dead_letters integer NOT NULL,
        ready boolean NOT NULL,
        PRIMARY KEY (stage, at)
      )`);
    await q.query(`CREATE INDEX samples_at ON console.samples (at)`);
    await q.query(`
      CREATE TABLE console.replays (
        dlq_topic text NOT NULL,
        dlq_partition integer NOT NULL,
        dlq_offset bigint NOT NULL,
        username text NOT NULL,
        replayed_at timestamptz NOT NULL DEFAULT now(),
        target_topic text NOT NULL,
        result text NOT NULL CHECK (result IN ('pending', 'replayed', 'failed')),
        error text NULL,
        PRIMARY KEY (dlq_topic, dlq_partition, dlq_offset)
      )`);
    await q.query(`
      CREATE TABLE console.alert_rules (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('lag_seconds', 'dead_letters_per_minute', 'stage_not_ready')),
        stage text NOT NULL CHECK (stage IN ('ingest', 'normalise', 'dedupe', 'publish')),
        threshold double precision NOT NULL DEFAULT 0,
        hold_seconds integer NOT NULL CHECK (hold_seconds >= 0),
        webhook_url text NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE console.alert_events (
        id bigserial PRIMARY KEY,
        rule_id uuid NOT NULL REFERENCES console.alert_rules (id) ON DELETE CASCADE,
        state text NOT NULL CHECK (state IN ('firing', 'resolved')),
        at timestamptz NOT NULL DEFAULT now(),
        value double precision NULL,
        delivery text NOT NULL
      )`);
    await q.query(`CREATE INDEX alert_events_at ON console.alert_events (at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['alert_events', 'alert_rules', 'replays', 'samples', 'audit', 'sessions', 'users']) await q.query(`DROP TABLE console.${t}`);
  }
}
