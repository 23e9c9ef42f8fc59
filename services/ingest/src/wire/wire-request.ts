import { Header, MessageContext, messageContextOf, parseContentType } from '@copydesk/contracts';
import { ApiError } from '@copydesk/observability';
import { IngestErrorCode } from './ingest-error-code';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export interface WireRequestHeaders {
  contentType?: string;
  capturedAt?: string;
  idempotencyKey?: string;
  traceparent?: string;
  tracestate?: string;
}

/** How far `X-Captured-At` may lie from the time the request arrived. */
export interface CapturedAtBounds {
  /** Ahead of the receive time: clock skew, never copy from the future. */
  maxAheadMs: number;
  /** Behind it. */
  maxAgeMs: number;
}

export const DEFAULT_CAPTURED_AT_BOUNDS: CapturedAtBounds = { maxAheadMs: 5 * 60_000, maxAgeMs: 3650 * 86_400_000 };

export interface WireRequest {
  /** As sent (its charset parameter included: normalise decodes by it); application/octet-stream when none was sent. */
  contentType: string;
  capturedAt?: Date;
  idempotencyKey?: string;
  /** The trace context the raw submission carries: the request's span's, or (tracing off) its well-formed traceparent. */
  trace: MessageContext;
}

/**
 * Validates the headers of `POST /v1/wire` received at `now`. Throws ApiError with a stable code.
 * A capture time further ahead of `now` than the bounds allow (a source pinning its stories to
 * the top of the list) or absurdly far behind it is refused.
 */
export function readWireRequest(headers: WireRequestHeaders, now: Date = new Date(), bounds: CapturedAtBounds = DEFAULT_CAPTURED_AT_BOUNDS): WireRequest {
  const result: WireRequest = {
    contentType: 'application/octet-stream',
    trace: messageContextOf({ [Header.TraceParent]: headers.traceparent, [Header.TraceState]: headers.tracestate }),
  };
  if (headers.contentType !== undefined && headers.contentType.trim() !== '') {
    if (!parseContentType(headers.contentType).mediaType) {
      throw new ApiError(415, IngestErrorCode.InvalidContentType, `Content-Type "${headers.contentType.slice(0, 100)}" is not a media type`);
    }
    result.contentType = headers.contentType.trim();
  }
  if (headers.capturedAt !== undefined) {
    const value = headers.capturedAt.trim();
    const parsed = new Date(value);
    if (!ISO_INSTANT.test(value) || Number.isNaN(parsed.getTime())) {
      throw new ApiError(400, IngestErrorCode.InvalidCapturedAt, 'X-Captured-At must be an ISO 8601 time with a zone, e.g. 2025-03-21T10:00:00Z', [
        { header: 'X-Captured-At', value: value.slice(0, 100) },
      ]);
    }
    const earliest = new Date(now.getTime() - bounds.maxAgeMs);
    const latest = new Date(now.getTime() + bounds.maxAheadMs);
    if (parsed < earliest || parsed > latest) {
      throw new ApiError(
        400,
        IngestErrorCode.InvalidCapturedAt,
        parsed > latest ? 'X-Captured-At lies in the future' : 'X-Captured-At lies too far in the past',
        [{ header: 'X-Captured-At', value: value.slice(0, 100), earliest: earliest.toISOString(), latest: latest.toISOString() }],
      );
    }
    result.capturedAt = parsed;
  }
  if (headers.idempotencyKey !== undefined) {
    const key = headers.idempotencyKey.trim();
    if (key.length === 0 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
      throw new ApiError(400, IngestErrorCode.InvalidIdempotencyKey, 'Idempotency-Key must be 1-255 visible ASCII characters');
    }
    result.idempotencyKey = key;
  }
  return result;
}
