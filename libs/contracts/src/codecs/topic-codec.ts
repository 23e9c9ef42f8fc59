import { ContractError, ValidationIssue } from '../errors/contract-error';
import { ContractErrorCode } from '../errors/contract-error-code.enum';
import { SchemaValidator } from '../schemas/schema-validator';
import { MessageContext } from '../message-context';
import { TopicContract } from '../topic-contracts';
import { Topic } from '../topics';
import { KafkaRecord } from './kafka-record';

/**
 * Writes and reads the messages of one topic. `encode` makes key, value and headers (the ids
 * that follow the work, the trace context) from a typed value; `decode` reads a message back
 * and validates its key, headers and value against the topic's contract, so a consumer never
 * sees a message of the wrong shape.
 */
export interface TopicCodec<TValue, TDecoded = TValue> {
  readonly topic: Topic;
  readonly contract: TopicContract;
  encode(value: TValue, context?: MessageContext): KafkaRecord;
  /** Throws ContractError: MALFORMED_MESSAGE when the value cannot be read, INVALID_MESSAGE (with `details`) when it has the wrong shape. */
  decode(message: KafkaRecord): TDecoded;
}

/** Most validation issues a ContractError carries: enough to see what is wrong, small enough for a dead letter's headers. */
export const MAX_ISSUES = 20;

/**
 * The validators of one topic's contract, each compiled at its first use. `check` validates
 * every part of a message and throws one INVALID_MESSAGE for all that is wrong.
 */
export class ContractValidators {
  private readonly key: SchemaValidator;
  private readonly headers: SchemaValidator;

  constructor(
    private readonly topic: Topic,
    contract: TopicContract,
    /** The key may be absent (dead letters keep the original key, which may be none). */
    private readonly keyOptional = false,
  ) {
    this.key = new SchemaValidator(contract.key);
    this.headers = new SchemaValidator(contract.headers);
  }

  check(message: KafkaRecord, value?: { validator: SchemaValidator; data: unknown }, more: ValidationIssue[] = []): void {
    const issues = [
      ...(message.key === null && this.keyOptional ? [] : this.key.issues(message.key, 'key')),
      ...this.headers.issues(message.headers, 'headers'),
      ...(value ? value.validator.issues(value.data, 'value') : []),
      ...more,
    ];
    if (issues.length > 0) throw invalidMessage(this.topic, issues);
  }
}

export function invalidMessage(topic: string, issues: ValidationIssue[]): ContractError {
  const [first] = issues;
  const count = issues.length > MAX_ISSUES ? ` (${MAX_ISSUES} of ${issues.length} issues listed)` : issues.length > 1 ? ` (${issues.length} issues)` : '';
  return new ContractError(
    ContractErrorCode.InvalidMessage,
    `${topic} message does not match its contract: ${first.part}${first.instancePath} ${first.message}${count}`,
    issues.slice(0, MAX_ISSUES),
  );
}
