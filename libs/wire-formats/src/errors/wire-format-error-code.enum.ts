/** Stable codes: they reach dead letters and HTTP error bodies, so never rename one. */
export enum WireFormatErrorCode {
  /** Nothing but whitespace after decoding. */
  EMPTY_BODY = 'EMPTY_BODY',
  /** The format could not be recognised, or is recognised but has no parser yet. */
  UNKNOWN_FORMAT = 'UNKNOWN_FORMAT',
  /** Recognised, but broken: binary content, absurd line lengths, unreadable structure. */
  MALFORMED_INPUT = 'MALFORMED_INPUT',
  /** A declared charset we cannot decode. */
  UNSUPPORTED_ENCODING = 'UNSUPPORTED_ENCODING',
  /** Body larger than the configured limit. */
  TOO_LARGE = 'TOO_LARGE',
  /** Parsed, but no story was found. */
  NO_STORIES = 'NO_STORIES',
  /** The caller passed something unusable (e.g. an invalid capture time). */
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
}
