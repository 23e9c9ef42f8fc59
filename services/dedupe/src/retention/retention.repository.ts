import { CleanupTask } from '@copydesk/database';
import { keyDayOf } from '../stories/batch-rows';

/**
 * Decisions taken more than `days` ago, oldest first through `decisions_decided_at`. A decision
 * is also the record that an item was decided, so it must outlive the item on
 * `wire.normalised.v1` (kept 7 days): an item redelivered after its decision is gone would be
 * decided afresh.
 */
export function decisionsOlderThan(days: number): CleanupTask {
  return {
    name: 'decisions',
    statement: `DELETE FROM dedupe.decisions WHERE item_id IN (
      SELECT item_id FROM dedupe.decisions WHERE decided_at < $1 ORDER BY decided_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    params: (limit, now) => [new Date(now.getTime() - days * 86_400_000), limit],
  };
}

/**
 * Candidate-index keys of the days wholly behind the matching window (`hours`): text matching
 * never reads them again. A day at a time, oldest first, through `story_keys_day_key`, which
 * leads with the day; a key stays at most a day longer than the window. The table has no key
 * of its own, so rows are deleted by their physical address.
 */
export function storyKeysOlderThan(hours: number): CleanupTask {
  return {
    name: 'story_keys',
    statement: `DELETE FROM dedupe.story_keys WHERE ctid = ANY(ARRAY(
      SELECT ctid FROM dedupe.story_keys WHERE day < $1 ORDER BY day LIMIT $2 FOR UPDATE SKIP LOCKED))`,
    params: (limit, now) => [keyDayOf(new Date(now.getTime() - hours * 3_600_000)), limit],
  };
}
