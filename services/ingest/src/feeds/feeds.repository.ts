import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Validators } from './feed-fetcher';

export type FeedStatus = 'new' | 'taken' | 'unchanged' | 'not-modified' | 'error';

export interface FeedRow {
  id: string;
  url: string;
  source_id: string;
  source_name: string;
  interval_seconds: number;
  etag: string | null;
  last_modified: string | null;
  created_at: Date;
  next_poll_at: Date;
  last_polled_at: Date | null;
  last_status: FeedStatus;
  last_http_status: number | null;
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_at: Date | null;
  failures: number;
  documents_taken: number;
  last_submission_id: string | null;
}

/** A due feed one instance holds until `leaseToken` is released or runs out. */
export interface LeasedFeed {
  id: string;
  url: string;
  sourceId: string;
  sourceName: string;
  intervalSeconds: number;
  validators: Validators;
  failures: number;
  leaseToken: string;
}

/** What one poll came to. */
export interface PollOutcome {
  status: Exclude<FeedStatus, 'new'>;
  httpStatus: number | null;
  /** The poll's failure; none keeps the feed's last error as it was. */
  error: { code: string; message: string } | null;
  /** Failures in a row, this poll's included (0 after a success). */
  failures: number;
  delaySeconds: number;
  /** Only when a document was accepted: the validators to send next time. */
  validators?: Validators;
  /** The submission that holds the document, when one was accepted (or already had been). */
  submissionId?: string;
  /** True when the document was new: counted in documents_taken. */
  taken: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SELECT = `SELECT f.id, f.url, f.source_id, s.name AS source_name, f.interval_seconds, f.etag, f.last_modified, f.created_at, f.next_poll_at,
       f.last_polled_at, f.last_status, f.last_http_status, f.last_error_code, f.last_error_message, f.last_error_at, f.failures, f.documents_taken, f.last_submission_id
  FROM ingest.feeds f JOIN ingest.sources s ON s.id = f.source_id`;

/** TypeORM answers an UPDATE or DELETE ... RETURNING with [rows, affected]. */
function returned<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : [];
}

@Injectable()
export class FeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds a feed, due at once; null when its URL is already polled. */
  async insert(url: string, sourceId: string, intervalSeconds: number): Promise<FeedRow | null> {
    const id = randomUUID();
    const inserted = (await this.dataSource.query(
      `INSERT INTO ingest.feeds (id, url, source_id, interval_seconds) VALUES ($1, $2, $3, $4) ON CONFLICT (url) DO NOTHING RETURNING id`,
      [id, url, sourceId, intervalSeconds],
    )) as { id: string }[];
    return inserted.length ? this.find(id) : null;
  }

  async find(id: string): Promise<FeedRow | null> {
    const rows = (await this.dataSource.query(`${SELECT} WHERE f.id = $1`, [id])) as FeedRow[];
    return rows[0] ?? null;
  }

  list(): Promise<FeedRow[]> {
    return this.dataSource.query(`${SELECT} ORDER BY f.created_at, f.url`) as Promise<FeedRow[]>;
  }

  /** Removes the feed with the id or URL `ref`; null when there is none. */
  async remove(ref: string): Promise<{ id: string; url: string } | null> {
    const rows = returned<{ id: string; url: string }>(
      await this.dataSource.query(`DELETE FROM ingest.feeds WHERE ${UUID.test(ref) ? 'id = $1::uuid' : 'url = $1'} RETURNING id, url`, [ref]),
    );
    return rows[0] ?? null;
  }

  /**
   * Takes up to `limit` due feeds of active sources for this instance, for `leaseSeconds`.
   * Several ingest instances poll side by side without polling a feed twice: the due rows are
   * picked with FOR UPDATE SKIP LOCKED (a row another instance is taking right now is skipped,
   * not waited for) and leased in the same statement, so the row lock lasts only that
   * statement, not the fetch; a feed stays taken until its lease is released or runs out (a
   * crashed instance's feeds are polled again after that). Times are the database's, so the
   * instances' clocks do not matter.
   */
  async lease(limit: number, leaseSeconds: number): Promise<LeasedFeed[]> {
    const token = randomUUID();
    const rows = returned<Pick<FeedRow, 'id' | 'url' | 'source_id' | 'source_name' | 'interval_seconds' | 'etag' | 'last_modified' | 'failures'>>(
      await this.dataSource.query(
        `UPDATE ingest.feeds f SET lease_token = $3, lease_until = now() + make_interval(secs => $2)
           FROM ingest.sources s
          WHERE s.id = f.source_id
            AND f.id IN (
              SELECT d.id FROM ingest.feeds d JOIN ingest.sources ds ON ds.id = d.source_id AND ds.disabled_at IS NULL
               WHERE d.next_poll_at <= now() AND (d.lease_until IS NULL OR d.lease_until < now())
               ORDER BY d.next_poll_at LIMIT $1
                 FOR UPDATE OF d SKIP LOCKED)
          RETURNING f.id, f.url, f.source_id, s.name AS source_name, f.interval_seconds, f.etag, f.last_modified, f.failures`,
        [limit, leaseSeconds, token],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      url: r.url,
      sourceId: r.source_id,
      sourceName: r.source_name,
      intervalSeconds: r.interval_seconds,
      validators: { etag: r.etag, lastModified: r.last_modified },
      failures: r.failures,
      leaseToken: token,
    }));
  }

  /**
   * Records a poll and gives the lease back. Only the holder of the lease writes: a poll that
   * outlived its lease (the feed was taken again meanwhile) records nothing.
   */
  async record(feed: LeasedFeed, outcome: PollOutcome): Promise<boolean> {
    const rows = returned<{ id: string }>(
      await this.dataSource.query(
        `UPDATE ingest.feeds SET
            lease_token = NULL, lease_until = NULL,
            last_polled_at = now(), next_poll_at = now() + make_interval(secs => $3),
            last_status = $4, last_http_status = $5, failures = $8,
            last_error_code = COALESCE($6::text, last_error_code), last_error_message = CASE WHEN $6 IS NULL THEN last_error_message ELSE $7 END,
            last_error_at = CASE WHEN $6 IS NULL THEN last_error_at ELSE now() END,
            etag = CASE WHEN $9::boolean THEN $10 ELSE etag END,
            last_modified = CASE WHEN $9::boolean THEN $11 ELSE last_modified END,
            last_submission_id = COALESCE($12, last_submission_id),
            documents_taken = documents_taken + $13
          WHERE id = $1 AND lease_token = $2
          RETURNING id`,
        [
          feed.id,
          feed.leaseToken,
          outcome.delaySeconds,
          outcome.status,
          outcome.httpStatus,
          outcome.error?.code ?? null,
          outcome.error?.message ?? null,
          outcome.failures,
          outcome.validators !== undefined,
          outcome.validators?.etag ?? null,
          outcome.validators?.lastModified ?? null,
          outcome.submissionId ?? null,
          outcome.taken ? 1 : 0,
        ],
      ),
    );
    return rows.length > 0;
  }

  /** Gives a lease back without recording a poll (the poll was cut short by shutdown). */
  async release(feed: LeasedFeed): Promise<void> {
    await this.dataSource.query(`UPDATE ingest.feeds SET lease_token = NULL, lease_until = NULL WHERE id = $1 AND lease_token = $2`, [
      feed.id,
      feed.leaseToken,
    ]);
  }
}
