import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PubStatus, TimePrecision, VersionKind } from '@copydesk/contracts';
import { ReadScope } from '../consumers/reader';
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
  pubStatus: PubStatus;
  /** Position in the published stream; null while the version is held (under embargo). */
  seq: string | null;
}

/** A version with its stream position: what the stream reads. */
export interface StreamedVersionRow extends VersionRow {
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

const VERSION_COLUMNS = `story_id, version, kind, is_current, event_id, updated_at, updated_precision, published_at, submission_id, item_index, match, document, seq, pub_status`;

/**
 * Where each scope reads (see `ReadScope`): everything as recorded, or the released story rows
 * and versions, usable ones only.
 */
const STORIES_OF: Record<ReadScope, { table: string; only: string }> = {
  all: { table: 'publish.stories', only: 'TRUE' },
  released: { table: 'publish.released_stories', only: `pub_status = 'usable'` },
};
const VERSIONS_OF: Record<ReadScope, string> = {
  all: 'TRUE',
  released: `seq IS NOT NULL AND pub_status = 'usable'`,
};

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
    pubStatus: r.pub_status as PubStatus,
    seq: r.seq === null || r.seq === undefined ? null : String(r.seq),
  };
}

/** The read side of the publish read model, on the read pool. */
@Injectable()
export class StoriesRepository {
  constructor(@InjectReadDataSource() private readonly dataSource: DataSource) {}

  /** The story as `scope` sees it, or null (absent, or not for this reader). */
  async findStory(id: string, scope: ReadScope): Promise<StoryRow | null> {
    const { table, only } = STORIES_OF[scope];
    const rows = (await this.dataSource.query(`SELECT ${STORY_COLUMNS} FROM ${table} WHERE id = $1 AND ${only}`, [id])) as Record<string, unknown>[];
    return rows.length > 0 ? toStory(rows[0]) : null;
  }

  /** Newest first, by the time each story reads as updated; keyset pagination. */
  async listStories(q: StoryFilter, scope: ReadScope): Promise<StoryRow[]> {
    const { table, only } = STORIES_OF[scope];
    const where: string[] = [only];
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
      `SELECT ${STORY_COLUMNS} FROM ${table} WHERE ${where.join(' AND ')}
        ORDER BY updated_at DESC, id DESC LIMIT ${param(q.limit)}`,
      params,
    )) as Record<string, unknown>[];
    return rows.map(toStory);
  }

  /** A page of a story's versions as `scope` sees them, oldest first: at most `limit`, after version `after`. */
  async listVersions(storyId: string, scope: ReadScope, page: { limit: number; after?: number }): Promise<VersionRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM publish.versions WHERE story_id = $1 AND version > $2 AND ${VERSIONS_OF[scope]} ORDER BY version LIMIT $3`,
      [storyId, page.after ?? 0, page.limit],
    )) as Record<string, unknown>[];
    return rows.map(toVersion);
  }

  async findVersion(storyId: string, version: number, scope: ReadScope): Promise<VersionRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM publish.versions WHERE story_id = $1 AND version = $2 AND ${VERSIONS_OF[scope]}`,
      [storyId, version],
    )) as Record<string, unknown>[];
    return rows.length > 0 ? toVersion(rows[0]) : null;
  }

  /** Versions released after stream position `seq`, in stream order (held versions have none yet). */
  async versionsAfter(seq: string, limit: number): Promise<StreamedVersionRow[]> {
    const rows = (await this.dataSource.query(`SELECT ${VERSION_COLUMNS} FROM publish.versions WHERE seq > $1 ORDER BY seq LIMIT $2`, [seq, limit])) as Record<
      string,
      unknown
    >[];
    return rows.map(toVersion) as StreamedVersionRow[];
  }

  /** The newest stream position. */
  async headPosition(): Promise<string> {
    const [{ seq }] = (await this.dataSource.query(`SELECT seq FROM publish.stream_position WHERE id = 1`)) as { seq: string }[];
    return String(seq);
  }
}
