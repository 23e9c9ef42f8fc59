import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StoryVersionMessage } from '@copydesk/contracts';
import { lockKeyOf } from '@copydesk/database';
import { NinjsDocument } from '../events/ninjs.mapper';

export const STORY_COLUMNS = `id, source_id, current_version, version_count, kind, pub_status, headline, updated_at, updated_precision, created_at, submission_id, item_index, document`;

const RELEASE_LOCK = lockKeyOf('publish:embargo-release');

/** A version waiting for its embargo (or for an embargoed version of its story) to end. */
export interface HeldVersion {
  storyId: string;
  version: number;
}

/**
 * The write side of the read model: versions, the stories' current rows (`stories`: as recorded;
 * `released_stories`: as readers without the all-statuses right see them), and the release of
 * held versions.
 */
@Injectable()
export class PublishRepository {
  /** Whether the version is already recorded (a redelivery). */
  async hasVersion(m: EntityManager, storyId: string, version: number): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM publish.versions WHERE story_id = $1 AND version = $2`, [storyId, version]);
    return rows.length > 0;
  }

  /**
   * When the story's versions still held back may go out: the latest time any of them is held
   * until, or null when none is held (a later version must wait for them, to keep the order).
   */
  async heldUntil(m: EntityManager, storyId: string): Promise<{ held: boolean; until: Date | null }> {
    const [row] = (await m.query(`SELECT count(*)::int AS n, max(held_until) AS until FROM publish.versions WHERE story_id = $1 AND seq IS NULL`, [
      storyId,
    ])) as {
      n: number;
      until: Date | null;
    }[];
    return { held: row.n > 0, until: row.until };
  }

  /**
   * Records the version; false when it was already recorded. A version released at once gets
   * the next stream position: the position row stays locked until the transaction ends, so
   * positions become visible in the order they were handed out (a reader that sees position N
   * has seen every position below N). A held version (`heldUntil`) gets its position when it
   * is released.
   */
  async insertVersion(
    m: EntityManager,
    v: StoryVersionMessage,
    doc: NinjsDocument,
    eventId: string,
    publishedAt: Date,
    heldUntil: Date | null,
  ): Promise<boolean> {
    const seq = heldUntil ? null : await this.nextPositions(m, 1);
    const rows: unknown[] = await m.query(
      `INSERT INTO publish.versions (story_id, version, kind, is_current, event_id, updated_at, updated_precision, published_at, submission_id, item_index, match, document, seq, pub_status, held_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14, $15)
       ON CONFLICT (story_id, version) DO NOTHING RETURNING 1`,
      [
        v.storyId,
        v.version,
        v.kind,
        v.current,
        eventId,
        v.updatedAt,
        v.updatedPrecision,
        publishedAt,
        v.submissionId,
        itemIndexOf(v),
        JSON.stringify(v.match),
        JSON.stringify(doc),
        seq,
        doc.pubStatus,
        heldUntil,
      ],
    );
    return rows.length > 0;
  }

  /** The read model's row of the story as recorded: the current version's fields, and how many versions it has. */
  async upsertStory(m: EntityManager, v: StoryVersionMessage, doc: NinjsDocument): Promise<void> {
    await m.query(
      `INSERT INTO publish.stories (${STORY_COLUMNS})
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)
       ON CONFLICT (id) DO UPDATE SET ${currentReplaces('publish.stories', '$13')}`,
      [
        v.storyId,
        v.sourceId,
        v.version,
        v.kind,
        doc.pubStatus,
        v.item.headline,
        v.updatedAt,
        v.updatedPrecision,
        v.storyCreatedAt,
        v.submissionId,
        itemIndexOf(v),
        JSON.stringify(doc),
        v.current,
      ],
    );
  }

  /**
   * The story's released row, moved on by a version that has just been released (at once, or at
   * the end of its embargo): from the recorded version, as `upsertStory` did for `stories`.
   */
  async releaseToStory(m: EntityManager, storyId: string, version: number): Promise<void> {
    await m.query(
      `INSERT INTO publish.released_stories (${STORY_COLUMNS})
       SELECT s.id, s.source_id, v.version, v.version, v.kind, v.pub_status, v.document->'headlines'->0->>'value', v.updated_at, v.updated_precision,
              s.created_at, v.submission_id, v.item_index, v.document
         FROM publish.versions v JOIN publish.stories s ON s.id = v.story_id
        WHERE v.story_id = $1 AND v.version = $2
       ON CONFLICT (id) DO UPDATE SET ${currentReplaces('publish.released_stories', `(SELECT is_current FROM publish.versions WHERE story_id = $1 AND version = $2)`)}`,
      [storyId, version],
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
      `SELECT story_id, version FROM publish.versions WHERE seq IS NULL AND held_until <= now() ORDER BY held_until, arrival LIMIT $1`,
      [limit],
    )) as { story_id: string; version: number }[];
    return rows.map((r) => ({ storyId: r.story_id, version: r.version }));
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
