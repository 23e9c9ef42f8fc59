import type { CanonicalItem, SourceTime, TimePrecision } from '@copydesk/contracts';

/** How far an item's own times may lie ahead of its capture time: clock skew between a source and Copydesk. */
export const DEFAULT_FUTURE_TOLERANCE_MS = 5 * 60_000;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * How far ahead of the capture a time known only to its precision may honestly start: a day
 * named by a zone east of UTC ("Updated 22 March 2025", read in Tokyo) begins at midnight UTC
 * of that day, up to 14 hours after the capture; a minute, up to 59 seconds after it.
 */
const PRECISION_SLACK_MS: Record<TimePrecision, number> = { second: 0, minute: MINUTE_MS, day: DAY_MS };

/**
 * Copy cannot have been created or updated after it was captured. An item's `versionCreated`,
 * `firstCreated` and `sourceUpdated.at` that lie further ahead of the capture time than the
 * tolerance (plus the time's own precision) are clamped to the capture time, truncated to that
 * precision: no source can pin its stories to the top of the list by dating them in the future.
 * Times that do not parse are left as they are. Returns the item itself when nothing changed.
 */
export function boundItemTimes(item: CanonicalItem, capturedAt: Date, toleranceMs: number = DEFAULT_FUTURE_TOLERANCE_MS): CanonicalItem {
  const captured = capturedAt.getTime();
  const latest = (precision: TimePrecision) => captured + toleranceMs + PRECISION_SLACK_MS[precision];
  const bound = (at: string | undefined, precision: TimePrecision): string | undefined => {
    if (at === undefined) return undefined;
    const t = Date.parse(at);
    return Number.isNaN(t) || t <= latest(precision) ? at : truncate(captured, precision);
  };

  const versionCreated = bound(item.versionCreated, 'second');
  const firstCreated = bound(item.firstCreated, 'second');
  const sourceUpdatedAt = item.sourceUpdated ? bound(item.sourceUpdated.at, item.sourceUpdated.precision) : undefined;
  if (versionCreated === item.versionCreated && firstCreated === item.firstCreated && sourceUpdatedAt === item.sourceUpdated?.at) return item;

  const bounded: CanonicalItem = { ...item };
  if (versionCreated !== undefined) bounded.versionCreated = versionCreated;
  if (firstCreated !== undefined) bounded.firstCreated = firstCreated;
  if (item.sourceUpdated && sourceUpdatedAt !== undefined)
    bounded.sourceUpdated = { at: sourceUpdatedAt, precision: item.sourceUpdated.precision } satisfies SourceTime;
  return bounded;
}

function truncate(ms: number, precision: TimePrecision): string {
  const unit = precision === 'day' ? DAY_MS : precision === 'minute' ? MINUTE_MS : 1;
  return new Date(Math.floor(ms / unit) * unit).toISOString();
}
