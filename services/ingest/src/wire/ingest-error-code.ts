/** Stable error codes of the ingest API. */
export enum IngestErrorCode {
  Unauthorized = 'UNAUTHORIZED',
  EmptyBody = 'EMPTY_BODY',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  InvalidCapturedAt = 'INVALID_CAPTURED_AT',
  InvalidIdempotencyKey = 'INVALID_IDEMPOTENCY_KEY',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyKeyInProgress = 'IDEMPOTENCY_KEY_IN_PROGRESS',
  InvalidContentType = 'INVALID_CONTENT_TYPE',
  BrokerUnavailable = 'BROKER_UNAVAILABLE',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  Overloaded = 'OVERLOADED',
  RateLimited = 'RATE_LIMITED',
  InvalidSourceName = 'INVALID_SOURCE_NAME',
  SourceExists = 'SOURCE_EXISTS',
  SourceNotFound = 'SOURCE_NOT_FOUND',
  AdminDisabled = 'ADMIN_DISABLED',
}
