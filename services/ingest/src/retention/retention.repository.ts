import { CleanupTask } from '@copydesk/database';

/**
 * Submissions received more than `days` ago, and with them their idempotency keys: oldest
 * first through `submissions_received_at`, skipping rows a request holds.
 */
export function submissionsOlderThan(days: number): CleanupTask {
  return {
    name: 'submissions',
    statement: `DELETE FROM ingest.submissions WHERE id IN (
      SELECT id FROM ingest.submissions WHERE received_at < $1 ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    params: (limit, now) => [new Date(now.getTime() - days * 86_400_000), limit],
  };
}
