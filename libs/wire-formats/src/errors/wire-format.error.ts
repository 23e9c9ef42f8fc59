import { WireFormatErrorCode } from './wire-format-error-code.enum';

export type WireFormatErrorDetails = Readonly<Record<string, unknown>>;

/**
 * The one error this library throws for bad input. Every code is permanent: the same bytes will fail
 * the same way, so a stage sends them to the dead-letter topic rather than retrying.
 */
export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';

  constructor(
    readonly code: WireFormatErrorCode,
    message: string,
    readonly details: WireFormatErrorDetails = {},
  ) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }

  toJSON(): { error: WireFormatErrorCode; message: string; details: WireFormatErrorDetails } {
    return { error: this.code, message: this.message, details: this.details };
  }
}

export function isWireFormatError(error: unknown): error is WireFormatError {
  return error instanceof WireFormatError;
}
