/**
 * How long to wait before trying again: the server's Retry-After (seconds, or an HTTP date),
 * else a doubling back-off from half a second; never more than `capMs`.
 */
export function retryDelayMs(retryAfter: string | null | undefined, attempt: number, capMs: number, now: number = Date.now()): number {
  const backoff = 500 * 2 ** attempt;
  let ms = backoff;
  const text = retryAfter?.trim();
  if (text) {
    if (/^[0-9]+$/.test(text)) ms = Number(text) * 1000;
    else {
      const at = Date.parse(text);
      if (!Number.isNaN(at)) ms = at - now;
    }
  }
  return Math.min(Math.max(ms, 0), capMs);
}
