import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StoryVersionMessage } from '@copydesk/contracts';
import { NinjsDocument } from '../events/ninjs.mapper';

export interface StoryRow {
  id: string;
  sourceId: string;
  currentVersion: number;
  versionCount: number;
  kind: string;
  pubStatus: string;
  headline: string;
  updatedAt: Date;
  updatedPrecision: 'second' | 'minute' | 'day';
  createdAt: Date;
  submissionId: string;
  itemIndex: number;
  document: NinjsDocument;
}

export interface ListQuery {
  sourceId?: string;
  limit: number;
  after?: { updatedAt: Date; id: string };
}

const STORY_COLUMNS = `id, source_id, current_version, version_count, kind, pub_status, headline, updated_at, updated_precision, created_at, submission_id, item_index, document`;

function toStory(r: Record<string, unknown>): StoryRow {
  return {
    id: r.id as string,
    sourceId: r.source_id as string,
    currentVersion: r.current_version as number,
    versionCount: r.version_count as number,
    kind: r.kind as string,
    pubStatus: r.pub_status as string,
    headline: r.headline as string,
    updatedAt: r.updated_at as Date,
    updatedPrecision: r.updated_precision as StoryRow['updatedPrecision'],
    createdAt: r.created_at as Date,
    submissionId: r.submission_id as string,
    itemIndex: r.item_index as number,
    document: r.document as NinjsDocument,
  };
}

@Injectable()
export class PublishRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the version; false when it was already recorded (a redelivery). */
  async insertVersion(m: EntityManager, v: StoryVersionMessage, doc: NinjsDocument, eventId: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO publish.versions (story_id, version, kind, is_current, event_id, updated_at, updated_precision, published_at, submission_id, item_index, match, document)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb)
       ON CONFLICT (story_id, version) DO NOTHING RETURNING 1`,
      [v.storyId, v.version, v.kind, v.current, eventId, v.updatedAt, v.updatedPrecision, now, v.submissionId, v.item ? itemIndexOf(v) : 0, JSON.stringify(v.match), JSON.stringify(doc)],
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

  async findStory(id: string): Promise<StoryRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${STORY_COLUMNS} FROM publish.stories WHERE id = $1`, [id])) as Record<string, unknown>[];
    return rows.length > 0 ? toStory(rows[0]) : null;
  }

  /** Newest first, by the time each story reads as updated; keyset pagination. */
  async listStories(q: ListQuery): Promise<StoryRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.sourceId) {
      params.push(q.sourceId);
      where.push(`source_id = $${params.length}`);
    }
    if (q.after) {
      params.push(q.after.updatedAt, q.after.id);
      where.push(`(updated_at, id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(q.limit);
    const rows = (await this.dataSource.query(
      `SELECT ${STORY_COLUMNS} FROM publish.stories ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY updated_at DESC, id DESC LIMIT $${params.length}`,
      params,
    )) as Record<string, unknown>[];
    return rows.map(toStory);
  }
}

function itemIndexOf(v: StoryVersionMessage): number {
  const index = Number(v.itemId.split(':').pop());
  return Number.isInteger(index) ? index : 0;
}
