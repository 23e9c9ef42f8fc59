/** Stable codes of the permanent failures normalise dead-letters itself (the parsers' own codes pass through as they are). */
export enum NormaliseErrorCode {
  /** A submission holds more stories than `NORMALISE_MAX_ITEMS_PER_SUBMISSION`. */
  TooManyItems = 'TOO_MANY_ITEMS',
  /** The parser failed in a way it has no code for. */
  ParseFailed = 'PARSE_FAILED',
}
