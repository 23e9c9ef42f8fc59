import { ApiError } from '@copydesk/observability';

/** Stable error codes of the publish API. */
export enum PublishErrorCode {
  StoryNotFound = 'STORY_NOT_FOUND',
  VersionNotFound = 'VERSION_NOT_FOUND',
  InvalidCursor = 'INVALID_CURSOR',
  InvalidVersion = 'INVALID_VERSION',
  InvalidEventId = 'INVALID_EVENT_ID',
  Unauthorized = 'UNAUTHORIZED',
  RateLimited = 'RATE_LIMITED',
  InvalidConsumerName = 'INVALID_CONSUMER_NAME',
  ConsumerExists = 'CONSUMER_EXISTS',
  ConsumerNotFound = 'CONSUMER_NOT_FOUND',
}

export class PublishError extends ApiError {
  constructor(status: number, code: PublishErrorCode, message: string, details: unknown[] = []) {
    super(status, code, message, details);
    this.name = 'PublishError';
  }

  static storyNotFound(): PublishError {
    return new PublishError(404, PublishErrorCode.StoryNotFound, 'no story with this id');
  }

  static versionNotFound(version: number): PublishError {
    return new PublishError(404, PublishErrorCode.VersionNotFound, `the story has no version ${version}`);
  }

  static unauthorized(message: string): PublishError {
    return new PublishError(401, PublishErrorCode.Unauthorized, message);
  }
}
