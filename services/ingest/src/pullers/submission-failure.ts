import { ApiError } from '@copydesk/observability';
import { retryAfterSeconds } from '../feeds/feed-backoff';
import { IngestErrorCode } from '../wire/ingest-error-code';

/** Why a puller's submission failed, and whether trying again can help. */
export interface SubmissionFailure {
  code: string;
  message: string;
  /**
   * True when the copy itself is refused (empty, too large): trying again gives the same
   * answer. False for the broker or the database being unavailable, or the same copy still
   * in progress under its idempotency key: the copy is kept and sent again later.
   */
  permanent: boolean;
  retryAfterSeconds?: number;
}

const RETRYABLE = new Set<string>([IngestErrorCode.BrokerUnavailable, IngestErrorCode.DatabaseUnavailable, IngestErrorCode.IdempotencyKeyInProgress]);

/** What a failure of WireService.submit means to a puller; anything but an ApiError is taken for an infrastructure failure. */
export function submissionFailure(e: unknown): SubmissionFailure {
  if (e instanceof ApiError) {
    return {
      code: e.code,
      message: e.message,
      permanent: !RETRYABLE.has(e.code) && e.status < 500,
      retryAfterSeconds: retryAfterSeconds(e.headers['Retry-After']),
    };
  }
  return { code: IngestErrorCode.DatabaseUnavailable, message: e instanceof Error ? e.message : String(e), permanent: false };
}
