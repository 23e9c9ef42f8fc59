/**
 * How a message handler failure is treated.
 * Permanent: the message can never succeed (bad payload): dead-letter it at once.
 * Any other error counts as retryable: something outside may recover (database restarting).
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

export interface FailureInfo {
  permanent: boolean;
  code: string;
  message: string;
  details: unknown[];
}

export function describeFailure(error: unknown): FailureInfo {
  if (error instanceof PermanentError) {
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
