/**
 * Seconds until a feed is polled again. After a success (`failures` 0) that is its interval;
 * after the n-th failure in a row, the interval times 2^n, capped at `maxBackoffSeconds` (but
 * never below the interval itself), so a broken feed costs little and a mended one is back
 * within the cap. A Retry-After from the server is honoured up to the same cap.
 */
export function nextPollDelaySeconds(intervalSeconds: number, failures: number, maxBackoffSeconds: number, retryAfterSeconds?: number): number {
  if (failures <= 0) return intervalSeconds;
  const cap = Math.max(intervalSeconds, maxBackoffSeconds);
  const backoff = Math.min(cap, intervalSeconds * 2 ** Math.min(failures, 30));
  return retryAfterSeconds === undefined ? backoff : Math.max(backoff, Math.min(cap, retryAfterSeconds));
}

/** A Retry-After header (seconds, or an HTTP date) as seconds from `now`; undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null | undefined, now: Date = new Date()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d{1,9}$/.test(value)) return Number(value);
  // An HTTP date names its day and month; Date.parse alone would read "-5" as a year.
  const at = /^[a-z]{3},/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
