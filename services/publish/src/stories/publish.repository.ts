import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StoryVersionMessage } from '@copydesk/contracts';
import { lockKeyOf } from '@copydesk/database';
import { NinjsDocument } from '../events/ninjs.mapper';
import { RowVersion, rowChanges } from './story-row-change';

export const STORY_COLUMNS = `id, source_id, current_version, version_count, kind, pub_status, headline, updated_at, updated_precision, created_at, submission_id, item_index, document`;
const VERSION_COLUMNS = `story_id, version, kind, is_current, event_id, updated_at, updated_precision, published_at, submission_id, item_index, match, document, seq, pub_status, held_until`;
/** Whether the version a row is moved to (EXCLUDED.current_version) is current: then it replaces the shown fields. */
const SHOWN_IS_CURRENT = `(SELECT is_current FROM publish.versions WHERE story_id = EXCLUDED.id AND version = EXCLUDED.current_version)`;

const RELEASE_LOCK = lockKeyOf('publish:embargo-release');

/** A version waiting for its embargo (or for an embargoed version of its story) to end. */
export type HeldVersion = RowVersion;

/** Versions of a story held back, and the latest time one of them is held until. */
export interface StoryHold {
  held: boolean;
  until: Date | null;
}

/** A version to record, with what publishing made of it. */
export interface NewVersion {
  v: StoryVersionMessage;
  doc: NinjsDocument;
  eventId: string;
  publishedAt: Date;
  heldUntil: Date | null;
}

/** A story version as one string, for sets (story ids in lower case, as PostgreSQL answers them). */
export function versionKey(storyId: string, version: number): string {
  return `${storyId.toLowerCase()}:${version}`;
}

/**
 * The write side of the read model: versions, the stories' current rows (`stories`: as recorded;
 * `released_stories`: as readers without the all-statuses right see them), and the release of
 * held versions.
 */
@Injectable()
export class PublishRepository {
  /** Which of the versions are already recorded (redeliveries), by `versionKey`. */
  async recordedVersions(m: EntityManager, versions: readonly { storyId: string; version: number }[]): Promise<Set<string>> {
    if (versions.length === 0) return new Set();
    const rows = (await m.query(
      `SELECT v.story_id, v.version FROM publish.versions v JOIN unnest($1::uuid[], $2::int[]) AS r(story_id, version) USING (story_id, version)`,
      [versions.map((v) => v.storyId), versions.map((v) => v.version)],
    )) as { story_id: string; version: number }[];
    return new Set(rows.map((r) => versionKey(r.story_id, r.version)));
  }

  /**
   * Of the stories, those with versions still held back, with the latest time any of them is
   * held until (a later version must wait for them, to keep the order); by story id, in lower case.
   */
  async heldStories(m: EntityManager, storyIds: readonly string[]): Promise<Map<string, StoryHold>> {
    if (storyIds.length === 0) return new Map();
    const rows = (await m.query(
      `SELECT story_id, max(held_until) AS until FROM publish.versions WHERE story_id = ANY($1::uuid[]) AND seq IS NULL GROUP BY story_id`,
      [[...new Set(storyIds)]],
    )) as { story_id: string; until: Date | null }[];
    return new Map(rows.map((r) => [r.story_id, { held: true, until: r.until }]));
  }

  /**
   * Records the versions in one statement; answers the `versionKey`s of those recorded (one
   * recorded meanwhile by another writer is left out). Each version released at once gets the
   * next stream position, in the order given: the position row stays locked until the
   * transaction ends, so positions become visible in the order they were handed out (a reader
   * that sees position N has seen every position below N). A held version (`heldUntil`) gets its
   * position when it is released.
   */
  async insertVersions(m: EntityManager, rows: readonly NewVersion[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const released = rows.filter((r) => !r.heldUntil).length;
    let position = released > 0 ? BigInt(await this.nextPositions(m, released)) - BigInt(released) : 0n;
    const records = rows.map(({ v, doc, eventId, publishedAt, heldUntil }) => ({
      story_id: v.storyId,
      version: v.version,
      kind: v.kind,
      is_current: v.current,
      event_id: eventId,
      updated_at: v.updatedAt,
      updated_precision: v.updatedPrecision,
      published_at: publishedAt,
      submission_id: v.submissionId,
      item_index: itemIndexOf(v),
      match: v.match,
      document: doc,
      seq: heldUntil ? null : String(++position),
      pub_status: doc.pubStatus,
      held_until: heldUntil,
    }));
    // In the order given: `arrival` numbers them so.
    const inserted = (await m.query(
      `INSERT INTO publish.versions (${VERSION_COLUMNS})
       SELECT ${VERSION_COLUMNS}
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(record, n), jsonb_populate_record(NULL::publish.versions, e.record)
        ORDER BY n
       ON CONFLICT (story_id, version) DO NOTHING RETURNING story_id, version`,
      [JSON.stringify(records)],
    )) as { story_id: string; version: number }[];
    return new Set(inserted.map((r) => versionKey(r.story_id, r.version)));
  }

  /**
   * The read model's rows of the stories as recorded, moved on by the versions (in their
   * order): the current version's fields, and how many versions the story has. One statement.
   */
  async upsertStories(m: EntityManager, rows: readonly NewVersion[]): Promise<void> {
    if (rows.length === 0) return;
    const changes = rowChanges(rows.map((r) => ({ storyId: r.v.storyId, version: r.v.version, current: r.v.current, row: r })));
    const firsts = new Map<string, NewVersion>();
    for (const r of rows) if (!firsts.has(r.v.storyId)) firsts.set(r.v.storyId, r);
    const records = changes.map(({ shown: { row }, count }) => {
      const first = firsts.get(row.v.storyId) as NewVersion;
      return {
        id: row.v.storyId,
        // The story's own facts come with the version that creates its row.
        source_id: first.v.sourceId,
        created_at: first.v.storyCreatedAt,
        current_version: row.v.version,
        version_count: count,
        kind: row.v.kind,
        pub_status: row.doc.pubStatus,
        headline: row.v.item.headline,
        updated_at: row.v.updatedAt,
        updated_precision: row.v.updatedPrecision,
        submission_id: row.v.submissionId,
        item_index: itemIndexOf(row.v),
        document: row.doc,
      };
    });
    await m.query(
      `INSERT INTO publish.stories (${STORY_COLUMNS})
       SELECT ${STORY_COLUMNS}
         FROM jsonb_populate_recordset(NULL::publish.stories, $1::jsonb)
       ON CONFLICT (id) DO UPDATE SET ${currentReplaces('publish.stories', SHOWN_IS_CURRENT)}`,
      [JSON.stringify(records)],
    );
  }

  /**
   * The stories' released rows, moved on by versions that have just been released (at once, or
   * at the end of their embargo), in their order: from the recorded versions, as `upsertStories`
   * did for `stories`. One statement.
   */
  async releaseToStories(m: EntityManager, versions: readonly RowVersion[]): Promise<void> {
    if (versions.length === 0) return;
    const changes = rowChanges(versions);
    await m.query(
      `INSERT INTO publish.released_stories (${STORY_COLUMNS})
       SELECT s.id, s.source_id, v.version, r.count, v.kind, v.pub_status, v.document->'headlines'->0->>'value', v.updated_at, v.updated_precision,
              s.created_at, v.submission_id, v.item_index, v.document
         FROM unnest($1::uuid[], $2::int[], $3::int[]) AS r(story_id, version, count)
         JOIN publish.versions v ON v.story_id = r.story_id AND v.version = r.version
         JOIN publish.stories s ON s.id = r.story_id
        WHERE true
       ON CONFLICT (id) DO UPDATE SET ${currentReplaces('publish.released_stories', SHOWN_IS_CURRENT)}`,
      [changes.map((c) => c.shown.storyId), changes.map((c) => c.shown.version), changes.map((c) => c.count)],
    );
  }

  /**
   * The held versions whose time has come, in the order to release them (by the time they were
   * held until, then as they arrived: a story's versions in their order). One releaser at a
   * time, across instances (a transaction lock): none when another instance is releasing.
   */
  async dueVersions(m: EntityManager, limit: number): Promise<HeldVersion[]> {
    const [{ locked }] = (await m.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RELEASE_LOCK])) as { locked: boolean }[];
    if (!locked) return [];
    const rows = (await m.query(
      `SELECT story_id, version, is_current FROM publish.versions WHERE seq IS NULL AND held_until <= now() ORDER BY held_until, arrival LIMIT $1`,
      [limit],
    )) as { story_id: string; version: number; is_current: boolean }[];
    return rows.map((r) => ({ storyId: r.story_id, version: r.version, current: r.is_current }));
  }

  /** Gives released versions their stream positions, in the order given. */
  async assignPositions(m: EntityManager, versions: HeldVersion[]): Promise<void> {
    if (versions.length === 0) return;
    const last = BigInt(await this.nextPositions(m, versions.length));
    const positions = versions.map((_, i) => String(last - BigInt(versions.length - 1 - i)));
    await m.query(
      `UPDATE publish.versions v SET seq = r.seq
         FROM unnest($1::uuid[], $2::int[], $3::bigint[]) AS r(story_id, version, seq)
        WHERE v.story_id = r.story_id AND v.version = r.version`,
      [versions.map((v) => v.storyId), versions.map((v) => v.version), positions],
    );
  }

  /** Milliseconds until the next held version may go out, by the database's clock; null when none is held. */
  async nextReleaseInMs(m: EntityManager): Promise<number | null> {
    const [{ ms }] = (await m.query(
      `SELECT ceil(EXTRACT(EPOCH FROM min(held_until) - now()) * 1000)::bigint AS ms FROM publish.versions WHERE seq IS NULL`,
    )) as { ms: string | null }[];
    return ms === null ? null : Math.max(0, Number(ms));
  }

  /** Takes `n` stream positions under the position row's lock; answers the last. */
  private async nextPositions(m: EntityManager, n: number): Promise<string> {
    // As a SELECT: TypeORM answers an UPDATE with [rows, count].
    const [{ seq }] = (await m.query(`WITH next AS (UPDATE publish.stream_position SET seq = seq + $1 WHERE id = 1 RETURNING seq) SELECT seq FROM next`, [
      n,
    ])) as {
      seq: string;
    }[];
    return String(seq);
  }
}

/** The update of a story row by a version: a current one replaces the shown fields; every one may raise the count. */
function currentReplaces(table: string, isCurrent: string): string {
  const replace = (column: string) => `${column} = CASE WHEN ${isCurrent} THEN EXCLUDED.${column} ELSE ${table}.${column} END`;
  return [
    `version_count = GREATEST(${table}.version_count, EXCLUDED.version_count)`,
    ...['current_version', 'kind', 'pub_status', 'headline', 'updated_at', 'updated_precision', 'document'].map(replace),
  ].join(',\n         ');
}

function itemIndexOf(v: StoryVersionMessage): number {
  const index = Number(v.itemId.split(':').pop());
  return Number.isInteger(index) ? index : 0;
}
