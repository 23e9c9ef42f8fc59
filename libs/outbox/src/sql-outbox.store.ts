import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Header } from '@copydesk/contracts';
import { lockKeyOf } from '@copydesk/database';
import { assertWithinLimit, OutgoingMessage } from '@copydesk/kafka';

/**
 * A message for the outbox. `notBefore`: the relay sends it only from this time on (an
 * embargoed story's events), and holds the later messages of the same topic and key behind it,
 * so a key's messages still reach the partition in order; other keys' messages go on.
 */
export type OutboxMessage = OutgoingMessage & { notBefore?: Date | null };

export interface OutboxRecord {
  id: string;
  /** The message as the relay sends it: with the `copydesk-outbox-id` header that names the record. */
  message: OutgoingMessage;
}

/** Which of some header values are already at the tail of a topic (`TopicTailReader` answers it). */
export interface DeliveredLookup {
  find(topic: string, header: string, values: ReadonlySet<string>, depth: number): Promise<Set<string>>;
}

/** What one relay pass does, on the session that holds the relay lock. */
export interface OutboxSession {
  nextBatch(limit: number): Promise<OutboxRecord[]>;
  markSent(ids: string[]): Promise<void>;
  /** Takes a record its topic refuses for good out of the queue, with the reason. */
  setAside(id: string, reason: string): Promise<void>;
  /** Milliseconds until the next held record falls due, by the database's clock; null when none is held. */
  nextDueInMs(): Promise<number | null>;
}

type Query = (sql: string, params: unknown[]) => Promise<unknown>;

/** Records the depth counts one by one, at most; a deeper outbox is estimated from the table's statistics. */
export const DEPTH_COUNTED_UP_TO = 10_000;

/** Most messages in one INSERT: five parameters each, well below PostgreSQL's 65,535 a statement. */
const ENQUEUE_CHUNK = 2000;

interface Row {
  id: string;
  topic: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/**
 * A service's outbox table (`<schema>.outbox`): messages are written in the transaction that
 * changes the state they announce, and sent by the relay afterwards, each exactly once.
 *
 * How exactly once: a record is marked `attempted` before it is handed to Kafka and deleted
 * after the broker acknowledged it, and every message carries its record's id in the
 * `copydesk-outbox-id` header. A record still marked attempted when the relay next reads the
 * outbox may or may not be on its topic (the process died between send and delete, or a send
 * failed part-way); before sending such records again, the store looks for their ids at the
 * tail of the topic and drops the ones already there.
 *
 * Why the tail suffices: the relay holds the outbox lock, sends in id order and waits for each
 * batch before the next, so the attempted records are the last ones it wrote to any partition
 * of their topic; k attempted records for a topic are within the last k messages of each partition.
 *
 * Writers wake the relay through PostgreSQL: `enqueue` sends a NOTIFY on the outbox's channel,
 * delivered when the writer's transaction commits, to the relay of every instance.
 *
 * Held records (`not_before` in the future) are skipped until they fall due, and so is every
 * later record of the same topic and key: a key's messages keep their order, the other keys'
 * messages are not held up. The tail argument still holds: attempted records are still the
 * last ones the relay handed to Kafka.
 */
export class SqlOutboxStore {
  private readonly logger = new Logger(SqlOutboxStore.name);
  private readonly table: string;
  private readonly lockKey: number;
  readonly channel: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly delivered: DeliveredLookup,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
    this.table = `${schema}.outbox`;
    this.lockKey = lockKeyOf(`outbox:${schema}`);
    this.channel = `copydesk_outbox_${schema}`;
  }

  /**
   * Adds messages to the outbox inside the caller's transaction; the relay is woken when it
   * commits. A message its topic would refuse fails here, as a permanent error of the stage
   * that made it (`MessageTooLargeError`), so the item is dead-lettered and kept, instead of
   * reaching the relay.
   */
  async enqueue(manager: EntityManager, messages: OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    messages.forEach(assertWithinLimit);
    for (let at = 0; at < messages.length; at += ENQUEUE_CHUNK) await this.insert(manager, messages.slice(at, at + ENQUEUE_CHUNK));
    await manager.query('SELECT pg_notify($1, $2)', [this.channel, '']);
  }

  /** One INSERT for the messages, in their order. */
  private async insert(manager: EntityManager, messages: OutboxMessage[]): Promise<void> {
    const params: unknown[] = [];
    const rows = messages.map((m, i) => {
      params.push(
        m.topic,
        m.key,
        m.value === null ? null : Buffer.isBuffer(m.value) ? m.value : Buffer.from(m.value, 'utf8'),
        JSON.stringify(m.headers ?? {}),
        m.notBefore ?? null,
      );
      return `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}::jsonb, $${i * 5 + 5}::timestamptz)`;
    });
    await manager.query(`INSERT INTO ${this.table} (topic, key, value, headers, not_before) VALUES ${rows.join(', ')}`, params);
  }

  /**
   * Runs `work` while holding the relay lock (one relay per outbox across instances), on the
   * connection that holds the lock: every read and write of the pass goes through that one
   * session, so a relay whose session died (a database restart) cannot go on working beside
   * the instance that took the lock over. Returns false without running `work` when another
   * instance holds the lock.
   */
  async withRelayLock(work: (session: OutboxSession) => Promise<void>): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [this.lockKey])) as { locked: boolean }[];
      if (!locked) return false;
      const query: Query = (sql, params) => runner.query(sql, params);
      try {
        await work({
          nextBatch: (limit) => this.nextBatchOn(query, limit),
          markSent: (ids) => this.markSentOn(query, ids),
          setAside: (id, reason) => this.setAsideOn(query, id, reason),
          nextDueInMs: () => this.nextDueInMsOn(query),
        });
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [this.lockKey]).catch(() => undefined);
      }
      return true;
    } finally {
      await runner.release();
    }
  }

  /** As a relay pass would, on a connection of the pool (tools and tests; the relay uses `withRelayLock`). */
  nextBatch(limit: number): Promise<OutboxRecord[]> {
    return this.nextBatchOn(this.poolQuery, limit);
  }

  markSent(ids: string[]): Promise<void> {
    return this.markSentOn(this.poolQuery, ids);
  }

  /** Milliseconds until the next held record falls due; null when none is held. */
  nextDueInMs(): Promise<number | null> {
    return this.nextDueInMsOn(this.poolQuery);
  }

  /** Records waiting to be sent, held ones too (not those set aside). */
  async pending(): Promise<number> {
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM ${this.table} WHERE failed_at IS NULL`)) as { n: number }[];
    return n;
  }

  /**
   * What the metrics show, in one bounded statement (it runs at every scrape): the waiting
   * records counted up to `DEPTH_COUNTED_UP_TO` (past that, the planner's row estimate), and the
   * wait of the oldest due record, found by walking the primary key from its start past held
   * and set-aside records (few), never by a scan of the whole table.
   */
  async stats(): Promise<{ depth: number; oldestAgeSeconds: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM ${this.table} WHERE failed_at IS NULL LIMIT $1) w)::int AS counted,
              (SELECT reltuples FROM pg_class WHERE oid = $2::regclass)::float8 AS estimated,
              (SELECT EXTRACT(EPOCH FROM now() - greatest(created_at, not_before)) FROM ${this.table}
                WHERE failed_at IS NULL AND (not_before IS NULL OR not_before <= now()) ORDER BY id LIMIT 1)::float8 AS age`,
      [DEPTH_COUNTED_UP_TO, this.table],
    )) as { counted: number; estimated: number | null; age: number | null }[];
    return {
      depth: row.counted < DEPTH_COUNTED_UP_TO ? row.counted : Math.max(row.counted, Math.round(row.estimated ?? 0)),
      oldestAgeSeconds: Math.max(0, row.age ?? 0),
    };
  }

  /** The schema the outbox belongs to: its name in logs and metrics. */
  get name(): string {
    return this.schema;
  }

  /** Records set aside because their topic refused them, with the reasons. */
  async setAsideRecords(limit = 100): Promise<{ id: string; topic: string; key: string | null; failedAt: Date; failure: string }[]> {
    const rows = (await this.dataSource.query(`SELECT id, topic, key, failed_at, failure FROM ${this.table} WHERE failed_at IS NOT NULL ORDER BY id LIMIT $1`, [
      limit,
    ])) as { id: string; topic: string; key: string | null; failed_at: Date; failure: string }[];
    return rows.map((r) => ({ id: String(r.id), topic: r.topic, key: r.key, failedAt: r.failed_at, failure: r.failure }));
  }

  private readonly poolQuery: Query = (sql, params) => this.dataSource.query(sql, params);

  /**
   * The oldest unsent records that are due, in write order, with those already on their topic
   * removed; marked attempted before they are returned. A record behind a held record of its
   * topic and key waits with it.
   */
  private async nextBatchOn(query: Query, limit: number): Promise<OutboxRecord[]> {
    await this.settleAttempted(query);
    const rows = (await query(
      `SELECT id, topic, key, value, headers FROM ${this.table} o
        WHERE failed_at IS NULL
          AND (not_before IS NULL OR not_before <= now())
          AND NOT EXISTS (
            SELECT 1 FROM ${this.table} h
             WHERE h.not_before IS NOT NULL AND h.not_before > now() AND h.failed_at IS NULL
               AND h.topic = o.topic AND h.key = o.key AND h.id < o.id)
        ORDER BY id LIMIT $1`,
      [limit],
    )) as Row[];
    if (rows.length === 0) return [];
    await query(`UPDATE ${this.table} SET attempted_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => String(r.id))]);
    return rows.map((r) => ({
      id: String(r.id),
      message: { topic: r.topic, key: r.key, value: r.value, headers: { ...r.headers, [Header.OutboxId]: this.outboxId(r.id) } },
    }));
  }

  private async nextDueInMsOn(query: Query): Promise<number | null> {
    const [{ ms }] = (await query(
      `SELECT ceil(EXTRACT(EPOCH FROM min(not_before) - now()) * 1000)::bigint AS ms FROM ${this.table} WHERE failed_at IS NULL AND not_before > now()`,
      [],
    )) as { ms: string | null }[];
    return ms === null ? null : Math.max(0, Number(ms));
  }

  private async markSentOn(query: Query, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await query(`DELETE FROM ${this.table} WHERE id = ANY($1::bigint[])`, [ids]);
  }

  private async setAsideOn(query: Query, id: string, reason: string): Promise<void> {
    await query(`UPDATE ${this.table} SET failed_at = now(), failure = $2, attempted_at = NULL WHERE id = $1`, [id, reason.slice(0, 4000)]);
    this.logger.error({ msg: 'outbox record set aside: its topic refuses it', outbox: this.table, recordId: id, reason });
  }

  /**
   * Calls `onWritten` whenever a writer commits records, on a connection of its own that
   * listens on the outbox's channel. Returns a function that stops listening. When the
   * connection breaks (a database restart), it listens again after a pause; the relay's poll
   * covers the gap.
   */
  async listen(onWritten: () => void): Promise<() => Promise<void>> {
    let stopped = false;
    let current: { release: (err?: Error) => void; client: PgListener } | undefined;
    let retry: NodeJS.Timeout | undefined;
    const open = async (): Promise<void> => {
      if (stopped) return;
      try {
        const [client, release] = (await this.dataSource.driver.obtainMasterConnection()) as [PgListener, (err?: Error) => void];
        client.on('notification', (n) => {
          if (n.channel === this.channel) onWritten();
        });
        client.on('error', (err) => {
          if (current?.client !== client) return;
          current = undefined;
          release(err);
          if (!stopped) retry = setTimeout(() => void open(), 1000);
        });
        await client.query(`LISTEN ${this.channel}`);
        current = { client, release };
        if (stopped) await close();
      } catch (e) {
        this.logger.warn({ msg: 'cannot listen for outbox writes, will retry', channel: this.channel, err: e });
        if (!stopped) retry = setTimeout(() => void open(), 1000);
      }
    };
    const close = async (): Promise<void> => {
      const c = current;
      current = undefined;
      if (!c) return;
      try {
        await c.client.query(`UNLISTEN ${this.channel}`);
        c.release();
      } catch (e) {
        c.release(e as Error);
      }
    };
    await open();
    return async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      await close();
    };
  }

  private outboxId(id: string): string {
    return `${this.schema}:${id}`;
  }

  /** Drops the attempted records whose messages are already on their topic. */
  private async settleAttempted(query: Query): Promise<void> {
    const attempted = (await query(`SELECT id, topic FROM ${this.table} WHERE attempted_at IS NOT NULL ORDER BY id`, [])) as Pick<Row, 'id' | 'topic'>[];
    if (attempted.length === 0) return;
    const byTopic = new Map<string, string[]>();
    for (const r of attempted) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), String(r.id)]);
    const sent: string[] = [];
    for (const [topic, ids] of byTopic) {
      const found = await this.delivered.find(topic, Header.OutboxId, new Set(ids.map((id) => this.outboxId(id))), ids.length);
      for (const id of ids) if (found.has(this.outboxId(id))) sent.push(id);
    }
    await this.markSentOn(query, sent);
    await query(`UPDATE ${this.table} SET attempted_at = NULL WHERE attempted_at IS NOT NULL`, []);
    this.logger.warn({ msg: 'outbox records found after an interrupted send', outbox: this.table, attempted: attempted.length, alreadyDelivered: sent.length });
  }
}

/** The part of a pg client the listener uses. */
interface PgListener {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (n: { channel: string; payload?: string }) => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
}
