/** How the replay record reaches PostgreSQL: a TypeORM DataSource's `query` fits. */
export interface SqlQuery {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface ReplayRecord {
  dlqTopic: string;
  dlqPartition: number;
  dlqOffset: string;
  username: string;
  replayedAt: string;
  targetTopic: string;
  result: 'pending' | 'replayed' | 'failed';
  error: string | null;
}

function toRecord(r: Record<string, unknown>): ReplayRecord {
  return {
    dlqTopic: r.dlq_topic as string,
    dlqPartition: r.dlq_partition as number,
    dlqOffset: String(r.dlq_offset),
    username: r.username as string,
    replayedAt: (r.replayed_at as Date).toISOString(),
    targetTopic: r.target_topic as string,
    result: r.result as ReplayRecord['result'],
    error: (r.error as string | null) ?? null,
  };
}

/**
 * `console.replays` (the console's migrations own the table): one row per dead letter replayed,
 * keyed by its place on the DLQ, so the console and the command line replay each at most once.
 */
export class DeadLetterReplays {
  constructor(private readonly db: SqlQuery) {}

  /**
   * Claims a dead letter for a replay: true when this call may send it (never replayed, or its
   * last replay failed); false when it was replayed already or another replay is sending it.
   */
  async claim(dlqTopic: string, partition: number, offset: string, username: string, targetTopic: string): Promise<boolean> {
    const rows = (await this.db.query(
      `INSERT INTO console.replays (dlq_topic, dlq_partition, dlq_offset, username, target_topic, result) VALUES ($1, $2, $3, $4, $5, 'pending')
       ON CONFLICT (dlq_topic, dlq_partition, dlq_offset) DO UPDATE SET username = EXCLUDED.username, replayed_at = now(), result = 'pending', error = NULL
         WHERE console.replays.result = 'failed' OR (console.replays.result = 'pending' AND console.replays.replayed_at < now() - interval '5 minutes')
       RETURNING dlq_offset`,
      [dlqTopic, partition, offset, username, targetTopic],
    )) as unknown[];
    return rows.length > 0;
  }

  async finish(dlqTopic: string, partition: number, offset: string, result: 'replayed' | 'failed', error?: string): Promise<void> {
    await this.db.query(
      `UPDATE console.replays SET result = $4, error = $5, replayed_at = now() WHERE dlq_topic = $1 AND dlq_partition = $2 AND dlq_offset = $3`,
      [dlqTopic, partition, offset, result, error ?? null],
    );
  }

  async find(dlqTopic: string, keys: readonly { partition: number; offset: string }[]): Promise<ReplayRecord[]> {
    if (keys.length === 0) return [];
    const rows = (await this.db.query(
      `SELECT * FROM console.replays WHERE dlq_topic = $1 AND (dlq_partition, dlq_offset) IN (SELECT * FROM unnest($2::int[], $3::bigint[]))`,
      [dlqTopic, keys.map((k) => k.partition), keys.map((k) => k.offset)],
    )) as Record<string, unknown>[];
    return rows.map(toRecord);
  }
}
