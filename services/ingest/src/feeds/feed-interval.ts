import { ApiError } from '@copydesk/observability';
import { FeedErrorCode } from './feed-error-code';

export const MIN_INTERVAL_SECONDS = 1;
export const MAX_INTERVAL_SECONDS = 7 * 86_400;
export const DEFAULT_INTERVAL_SECONDS = 60;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
const INTERVAL = /^(\d{1,7})\s*([smhd]?)$/i;

/** `--every`: "90", "90s", "5m", "1h" or "1d" as seconds, between 1 s and 7 days. Throws ApiError INVALID_INTERVAL. */
export function parseInterval(text: string): number {
  const match = INTERVAL.exec(text.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()] : NaN;
  if (!(seconds >= MIN_INTERVAL_SECONDS && seconds <= MAX_INTERVAL_SECONDS)) {
    throw new ApiError(
      400,
      FeedErrorCode.InvalidInterval,
      `--every takes a whole number of seconds, minutes, hours or days (90s, 5m, 1h), from 1s to 7d; got "${text.slice(0, 50)}"`,
    );
  }
  return seconds;
}

/** Seconds as the shortest of "90s", "5m", "1h", "1d" that says them exactly. */
export function formatInterval(seconds: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    if (seconds % UNIT_SECONDS[unit] === 0) return `${seconds / UNIT_SECONDS[unit]}${unit}`;
  }
  return `${seconds}s`;
}
