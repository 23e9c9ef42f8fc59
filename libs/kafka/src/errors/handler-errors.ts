/**
 * How a message handler failure is treated.
 * Permanent: the message can never succeed (bad payload): dead-letter it at once.
 * Retryable: something outside may recover (database restarting): retry, bounded, then dead-letter.
 * Any other error counts as retryable.
 */
export class PermanentError extends Error {
  readonly permanent = true;
  constructor(
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'PermanentError';
  }
}

export class RetryableError extends Error {
  readonly permanent = false;
  constructor(
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'RetryableError';
  }
}

export interface FailureInfo {
  permanent: boolean;
  code: string;
  message: string;
  details: unknown[];
}

export function describeFailure(error: unknown): FailureInfo {
  if (error instanceof PermanentError || error instanceof RetryableError) {
    return { permanent: error.permanent, code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { permanent: false, code: typeof code === 'string' ? code : 'HANDLER_FAILED', message: error.message, details: [] };
  }
  if (error && typeof error === 'object' && 'message' in error) {
    return { permanent: false, code: 'HANDLER_FAILED', message: String((error as { message: unknown }).message), details: [] };
  }
  return { permanent: false, code: 'HANDLER_FAILED', message: String(error), details: [] };
}
