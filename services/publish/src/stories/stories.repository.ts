import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PubStatus, TimePrecision, VersionKind } from '@copydesk/contracts';
import { InjectReadDataSource } from '../database/read-data-source';
import { NinjsDocument } from '../events/ninjs.mapper';
import { STORY_COLUMNS } from './publish.repository';

export interface StoryRow {
  id: string;
  sourceId: string;
  currentVersion: number;
  versionCount: number;
  kind: VersionKind;
  pubStatus: PubStatus;
  headline: string;
  updatedAt: Date;
  updatedPrecision: TimePrecision;
  createdAt: Date;
  submissionId: string;
  itemIndex: number;
  document: NinjsDocument;
}

export interface VersionRow {
  storyId: string;
  version: number;
  kind: VersionKind;
  current: boolean;
  eventId: string;
  updatedAt: Date;
  updatedPrecision: TimePrecision;
  publishedAt: Date;
  submissionId: string;
  itemIndex: number;
  match: Record<string, unknown>;
  document: NinjsDocument;
  /** Position in the published stream. */
  seq: string;
}

export interface StoryFilter {
  sourceId?: string;
  updatedSince?: Date;
  pubStatus?: PubStatus;
  /** Words that must all appear in the headline. */
  words?: string;
  limit: number;
  after?: { updatedAt: Date; id: string };
}

const VERSION_COLUMNS = `story_id, version, kind, is_current, event_id, updated_at, updated_precision, published_at, submission_id, item_index, match, document, seq`;

function toStory(r: Record<string, unknown>): StoryRow {
  return {
    id: r.id as string,
    sourceId: r.source_id as string,
    currentVersion: r.current_version as number,
    versionCount: r.version_count as number,
    kind: r.kind as VersionKind,
    pubStatus: r.pub_status as PubStatus,
    headline: r.headline as string,
    updatedAt: r.updated_at as Date,
    updatedPrecision: r.updated_precision as TimePrecision,
    createdAt: r.created_at as Date,
    submissionId: r.submission_id as string,
    itemIndex: r.item_index as number,
    document: r.document as NinjsDocument,
  };
}

function toVersion(r: Record<string, unknown>): VersionRow {
  return {
    storyId: r.story_id as string,
    version: r.version as number,
    kind: r.kind as VersionKind,
    current: r.is_current as boolean,
    eventId: r.event_id as string,
    updatedAt: r.updated_at as Date,
    updatedPrecision: r.updated_precision as TimePrecision,
    publishedAt: r.published_at as Date,
    submissionId: r.submission_id as string,
    itemIndex: r.item_index as number,
    match: r.match as Record<string, unknown>,
    document: r.document as NinjsDocument,
    seq: String(r.seq),
  };
}

/** The read side of the publish read model, on the read pool. */
@Injectable()
export class StoriesRepository {
  constructor(@InjectReadDataSource() private readonly dataSource: DataSource) {}

  async findStory(id: string): Promise<StoryRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${STORY_COLUMNS} FROM publish.stories WHERE id = $1`, [id])) as Record<string, unknown>[];
    return rows.length > 0 ? toStory(rows[0]) : null;
  }

  /** Newest first, by the time each story reads as updated; keyset pagination. */
  async listStories(q: StoryFilter): Promise<StoryRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (q.sourceId) where.push(`source_id = ${param(q.sourceId)}`);
    if (q.updatedSince) where.push(`updated_at >= ${param(q.updatedSince)}`);
    if (q.pubStatus) where.push(`pub_status = ${param(q.pubStatus)}`);
    if (q.words) where.push(`to_tsvector('simple', headline) @@ plainto_tsquery('simple', ${param(q.words)})`);
    if (q.after) where.push(`(updated_at, id) < (${param(q.after.updatedAt)}, ${param(q.after.id)})`);
    const rows = (await this.dataSource.query(
      `SELECT ${STORY_COLUMNS} FROM publish.stories ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY updated_at DESC, id DESC LIMIT ${param(q.limit)}`,
      params,
    )) as Record<string, unknown>[];
    return rows.map(toStory);
  }

  /** Every version of a story, oldest first. */
  async listVersions(storyId: string): Promise<VersionRow[]> {
    const rows = (await this.dataSource.query(`SELECT ${VERSION_COLUMNS} FROM publish.versions WHERE story_id = $1 ORDER BY version`, [storyId])) as Record<
      string,
      unknown
    >[];
    return rows.map(toVersion);
  }

  async findVersion(storyId: string, version: number): Promise<VersionRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${VERSION_COLUMNS} FROM publish.versions WHERE story_id = $1 AND version = $2`, [
      storyId,
      version,
    ])) as Record<string, unknown>[];
    return rows.length > 0 ? toVersion(rows[0]) : null;
  }

  /** Versions published after stream position `seq`, in stream order. */
  async versionsAfter(seq: string, limit: number): Promise<VersionRow[]> {
    const rows = (await this.dataSource.query(`SELECT ${VERSION_COLUMNS} FROM publish.versions WHERE seq > $1 ORDER BY seq LIMIT $2`, [seq, limit])) as Record<
      string,
      unknown
    >[];
    return rows.map(toVersion);
  }

  /** The newest stream position. */
  async headPosition(): Promise<string> {
    const [{ seq }] = (await this.dataSource.query(`SELECT seq FROM publish.stream_position WHERE id = 1`)) as { seq: string }[];
    return String(seq);
  }
}
