import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StoryVersionMessage } from '@copydesk/contracts';
import { NinjsDocument } from '../events/ninjs.mapper';

export const STORY_COLUMNS = `id, source_id, current_version, version_count, kind, pub_status, headline, updated_at, updated_precision, created_at, submission_id, item_index, document`;

/** The write side of the read model: versions and the stories' current rows. */
@Injectable()
export class PublishRepository {
  /** Whether the version is already recorded (a redelivery). */
  async hasVersion(m: EntityManager, storyId: string, version: number): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM publish.versions WHERE story_id = $1 AND version = $2`, [storyId, version]);
    return rows.length > 0;
  }

  /**
   * Records the version at the next stream position; false when it was already recorded.
   * The position row stays locked until the transaction ends, so positions become visible in
   * the order they were handed out: a reader that sees position N has seen every position below N.
   */
  async insertVersion(m: EntityManager, v: StoryVersionMessage, doc: NinjsDocument, eventId: string, now: Date): Promise<boolean> {
    const [{ seq }] = (await m.query(`WITH next AS (UPDATE publish.stream_position SET seq = seq + 1 WHERE id = 1 RETURNING seq) SELECT seq FROM next`)) as { seq: string }[];
    const rows: unknown[] = await m.query(
      `INSERT INTO publish.versions (story_id, version, kind, is_current, event_id, updated_at, updated_precision, published_at, submission_id, item_index, match, document, seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13)
       ON CONFLICT (story_id, version) DO NOTHING RETURNING 1`,
      [v.storyId, v.version, v.kind, v.current, eventId, v.updatedAt, v.updatedPrecision, now, v.submissionId, itemIndexOf(v), JSON.stringify(v.match), JSON.stringify(doc), seq],
    );
    return rows.length > 0;
  }

  /** The read model's row of the story: the current version's fields, and how many versions it has. */
  async upsertStory(m: EntityManager, v: StoryVersionMessage, doc: NinjsDocument): Promise<void> {
    await m.query(
      `INSERT INTO publish.stories (${STORY_COLUMNS})
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)
       ON CONFLICT (id) DO UPDATE SET
         version_count = GREATEST(publish.stories.version_count, EXCLUDED.version_count),
         current_version = CASE WHEN $13 THEN EXCLUDED.current_version ELSE publish.stories.current_version END,
         kind = CASE WHEN $13 THEN EXCLUDED.kind ELSE publish.stories.kind END,
         pub_status = CASE WHEN $13 THEN EXCLUDED.pub_status ELSE publish.stories.pub_status END,
         headline = CASE WHEN $13 THEN EXCLUDED.headline ELSE publish.stories.headline END,
         updated_at = CASE WHEN $13 THEN EXCLUDED.updated_at ELSE publish.stories.updated_at END,
         updated_precision = CASE WHEN $13 THEN EXCLUDED.updated_precision ELSE publish.stories.updated_precision END,
         document = CASE WHEN $13 THEN EXCLUDED.document ELSE publish.stories.document END`,
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
}

function itemIndexOf(v: StoryVersionMessage): number {
  const index = Number(v.itemId.split(':').pop());
  return Number.isInteger(index) ? index : 0;
}
