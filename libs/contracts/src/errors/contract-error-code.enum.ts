/** Stable codes of a message that does not meet its topic's contract. */
export enum ContractErrorCode {
  /** The value cannot be read at all: no value, or not JSON on a JSON topic. */
  MalformedMessage = 'MALFORMED_MESSAGE',
  /** Key, headers or value read fine but do not match the topic's schemas; `details` lists where and why. */
  InvalidMessage = 'INVALID_MESSAGE',
  /** No codec for the topic. */
  UnknownTopic = 'UNKNOWN_TOPIC',
}
