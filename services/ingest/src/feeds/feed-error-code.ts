/** Stable error codes of the feed commands and of a feed's poll status. */
export enum FeedErrorCode {
  InvalidFeedUrl = 'INVALID_FEED_URL',
  InvalidInterval = 'INVALID_INTERVAL',
  FeedExists = 'FEED_EXISTS',
  FeedNotFound = 'FEED_NOT_FOUND',
  /** The server answered with a status other than 200 or 304. */
  FeedHttpStatus = 'FEED_HTTP_STATUS',
  /** No answer within INGEST_FEED_TIMEOUT_SECONDS. */
  FeedTimeout = 'FEED_TIMEOUT',
  /** The connection failed: DNS, refused, reset, TLS. */
  FeedUnreachable = 'FEED_UNREACHABLE',
  /** The document is larger than INGEST_FEED_MAX_BYTES. */
  FeedTooLarge = 'FEED_TOO_LARGE',
  /** The document is neither RSS nor Atom. */
  NotAFeed = 'NOT_A_FEED',
}
