import { ApiError } from '@copydesk/observability';

/** The console API's stable error codes. */
export enum ConsoleErrorCode {
  Unauthorized = 'UNAUTHORIZED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  CsrfFailed = 'CSRF_FAILED',
  Forbidden = 'FORBIDDEN',
  UnknownTopic = 'UNKNOWN_TOPIC',
  UnknownGroup = 'UNKNOWN_GROUP',
  GroupActive = 'GROUP_ACTIVE',
  DeadLetterNotFound = 'DEAD_LETTER_NOT_FOUND',
  StoryNotFound = 'STORY_NOT_FOUND',
  UserExists = 'USER_EXISTS',
  UserNotFound = 'USER_NOT_FOUND',
  InvalidRequest = 'INVALID_REQUEST',
  UpstreamUnavailable = 'UPSTREAM_UNAVAILABLE',
  SourcesUnavailable = 'SOURCES_UNAVAILABLE',
  RuleNotFound = 'RULE_NOT_FOUND',
}

const STATUS: Record<ConsoleErrorCode, number> = {
  [ConsoleErrorCode.Unauthorized]: 401,
  [ConsoleErrorCode.InvalidCredentials]: 401,
  [ConsoleErrorCode.CsrfFailed]: 403,
  [ConsoleErrorCode.Forbidden]: 403,
  [ConsoleErrorCode.UnknownTopic]: 404,
  [ConsoleErrorCode.UnknownGroup]: 404,
  [ConsoleErrorCode.GroupActive]: 409,
  [ConsoleErrorCode.DeadLetterNotFound]: 404,
  [ConsoleErrorCode.StoryNotFound]: 404,
  [ConsoleErrorCode.UserExists]: 409,
  [ConsoleErrorCode.UserNotFound]: 404,
  [ConsoleErrorCode.InvalidRequest]: 400,
  [ConsoleErrorCode.UpstreamUnavailable]: 502,
  [ConsoleErrorCode.SourcesUnavailable]: 503,
  [ConsoleErrorCode.RuleNotFound]: 404,
};

/** An error of the console API: its status follows from its code. */
export class ConsoleError extends ApiError {
  constructor(code: ConsoleErrorCode, message: string, details: unknown[] = []) {
    super(STATUS[code], code, message, details);
    this.name = 'ConsoleError';
  }
}
