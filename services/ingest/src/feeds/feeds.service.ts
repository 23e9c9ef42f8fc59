import { Injectable } from '@nestjs/common';
import { ApiError } from '@copydesk/observability';
import { SourcesRepository } from '../sources/sources.repository';
import { IngestErrorCode } from '../wire/ingest-error-code';
import { FeedErrorCode } from './feed-error-code';
import { DEFAULT_INTERVAL_SECONDS, formatInterval, parseInterval } from './feed-interval';
import { FeedRow, FeedStatus, FeedsRepository } from './feeds.repository';

const MAX_URL_LENGTH = 2048;

/** A feed as `copydesk feeds list` shows it. */
export interface FeedListing {
  id: string;
  url: string;
  sourceId: string;
  source: string;
  every: string;
  status: FeedStatus;
  lastPolledAt: string | null;
  lastHttpStatus: number | null;
  /** The latest failure, kept after later successes (its time says when). */
  lastError: { code: string; message: string; at: string } | null;
  /** Failures in a row: each one doubles the wait before the next poll, up to the cap. */
  failures: number;
  nextPollAt: string;
  /** Documents accepted as new submissions (an unchanged document is not counted again). */
  documentsTaken: number;
  lastSubmissionId: string | null;
  etag: string | null;
  lastModified: string | null;
}

function listing(r: FeedRow): FeedListing {
  return {
    id: r.id,
    url: r.url,
    sourceId: r.source_id,
    source: r.source_name,
    every: formatInterval(r.interval_seconds),
    status: r.last_status,
    lastPolledAt: r.last_polled_at?.toISOString() ?? null,
    lastHttpStatus: r.last_http_status,
    lastError:
      r.last_error_code && r.last_error_at ? { code: r.last_error_code, message: r.last_error_message ?? '', at: r.last_error_at.toISOString() } : null,
    failures: r.failures,
    nextPollAt: r.next_poll_at.toISOString(),
    documentsTaken: r.documents_taken,
    lastSubmissionId: r.last_submission_id,
    etag: r.etag,
    lastModified: r.last_modified,
  };
}

/** An http(s) URL, as given; throws ApiError INVALID_FEED_URL. */
export function checkFeedUrl(text: string): string {
  const url = text.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || url.length > MAX_URL_LENGTH) {
    throw new ApiError(
      400,
      FeedErrorCode.InvalidFeedUrl,
      `a feed is an http:// or https:// URL of at most ${MAX_URL_LENGTH} characters; got "${url.slice(0, 100)}"`,
    );
  }
  return url;
}

/** The feeds ingest polls: what `copydesk feeds add | list | remove` does. */
@Injectable()
export class FeedsService {
  constructor(
    private readonly feeds: FeedsRepository,
    private readonly sources: SourcesRepository,
  ) {}

  /** Adds a feed polled every `every` (default 60s) for the source named `sourceName`; it is polled at once. */
  async add(url: string, sourceName: string, every?: string): Promise<FeedListing> {
    const checked = checkFeedUrl(url);
    const interval = every === undefined ? DEFAULT_INTERVAL_SECONDS : parseInterval(every);
    const source = await this.sources.findByName(sourceName.trim());
    if (!source || source.disabledAt) {
      throw new ApiError(404, IngestErrorCode.SourceNotFound, `no active source is named "${sourceName.slice(0, 100)}" (copydesk sources add NAME)`);
    }
    const row = await this.feeds.insert(checked, source.id, interval);
    if (!row) throw new ApiError(409, FeedErrorCode.FeedExists, `the feed ${checked.slice(0, 200)} is already polled`);
    return listing(row);
  }

  async list(): Promise<FeedListing[]> {
    return (await this.feeds.list()).map(listing);
  }

  /** Stops polling the feed with the id or URL `ref`. */
  async remove(ref: string): Promise<{ id: string; url: string; removed: true }> {
    const removed = await this.feeds.remove(ref.trim());
    if (!removed) throw new ApiError(404, FeedErrorCode.FeedNotFound, `no feed has the id or URL "${ref.slice(0, 200)}"`);
    return { ...removed, removed: true };
  }
}
