import { ContractErrorCode } from './contract-error-code.enum';

/** Which part of a Kafka message a validation issue is about. */
export type MessagePart = 'key' | 'headers' | 'value';

/** One reason a message failed validation: the JSON Schema validator's instance path and message. */
export interface ValidationIssue {
  part: MessagePart;
  /** JSON Pointer into the part ("/item/headline"); "" for the part itself. */
  instancePath: string;
  message: string;
}

/** A message that does not meet its topic's contract. Permanent: decoding it again cannot succeed. */
export class ContractError extends Error {
  constructor(
    readonly code: ContractErrorCode,
    message: string,
    readonly details: ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'ContractError';
  }
}
