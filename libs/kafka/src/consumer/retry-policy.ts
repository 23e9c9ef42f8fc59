export interface RetryPolicy {
  /** Attempts of a failure of unknown kind, the first included, before it is dead-lettered. */
  attempts: number;
  initialDelayMs: number;
  /** The longest wait between two attempts, also while a dependency is down. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, initialDelayMs: 200, maxDelayMs: 10_000 };

/** Delay before attempt `n` (2-based: the first retry), exponential with full jitter capped. */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(30, Math.max(0, attempt - 2)));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
