import { DataSource, EntityManager } from 'typeorm';
import { OutboxRecord, OutboxStore, OutgoingMessage } from '@copydesk/kafka';

/**
 * A service's outbox table (`<schema>.outbox`): messages are written in the transaction
 * that changes the state they announce, and sent by the relay afterwards.
 */
export class SqlOutboxStore implements OutboxStore {
  private readonly table: string;
  private readonly lockKey: number;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
    this.table = `${schema}.outbox`;
    this.lockKey = lockKeyOf(`outbox:${schema}`);
  }

  /** Adds messages to the outbox inside the caller's transaction. */
  async enqueue(manager: EntityManager, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const params: unknown[] = [];
    const rows = messages.map((m, i) => {
      params.push(m.topic, m.key, m.value === null ? null : Buffer.isBuffer(m.value) ? m.value : Buffer.from(m.value, 'utf8'), JSON.stringify(m.headers ?? {}));
      return `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}::jsonb)`;
    });
    await manager.query(`INSERT INTO ${this.table} (topic, key, value, headers) VALUES ${rows.join(', ')}`, params);
  }

  async withRelayLock(work: () => Promise<void>): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [this.lockKey])) as { locked: boolean }[];
      if (!locked) return false;
      try {
        await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [this.lockKey]);
      }
      return true;
    } finally {
      await runner.release();
    }
  }

  async nextBatch(limit: number): Promise<OutboxRecord[]> {
    const rows = (await this.dataSource.query(`SELECT id, topic, key, value, headers FROM ${this.table} ORDER BY id LIMIT $1`, [limit])) as {
      id: string;
      topic: string;
      key: string | null;
      value: Buffer | null;
      headers: Record<string, string>;
    }[];
    return rows.map((r) => ({ id: String(r.id), message: { topic: r.topic, key: r.key, value: r.value, headers: r.headers } }));
  }

  async markSent(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`DELETE FROM ${this.table} WHERE id = ANY($1::bigint[])`, [ids]);
  }

  async pending(): Promise<number> {
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM ${this.table}`)) as { n: number }[];
    return n;
  }
}

/** A stable 31-bit advisory lock key for a name. */
export function lockKeyOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return Math.abs(h);
}
