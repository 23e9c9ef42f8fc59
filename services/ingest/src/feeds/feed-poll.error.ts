/** Why one poll of a feed failed: shown in its status, and the feed backs off. */
export class FeedPollError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The server's Retry-After, in seconds, when it sent one. */
    readonly retryAfterSeconds?: number,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'FeedPollError';
  }
}
