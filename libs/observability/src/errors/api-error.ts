/** The JSON error body every HTTP API answers with. */
export interface ApiErrorBody {
  error: string;
  message: string;
  details: unknown[];
}

/**
 * An error that maps to an HTTP answer with a stable code.
 * Modules define their own code enums and throw subclasses or instances of this.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
    /** Response headers that go with the answer, e.g. `Retry-After` on a 429 or 503. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return { error: this.code, message: this.message, details: this.details };
  }
}
