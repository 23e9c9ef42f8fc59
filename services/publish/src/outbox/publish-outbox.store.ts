import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Header } from '@copydesk/contracts';
import { SqlOutboxStore } from '@copydesk/database';
import { OutboxRecord, OutboxStore, OutgoingMessage } from '@copydesk/kafka';
import { DeliveredEvents } from './delivered-events';

interface Row {
  id: string;
  topic: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  attempted_at: Date | null;
}

/**
 * Publish's outbox, sent by the shared relay, with one addition that makes each event reach
 * its topic exactly once: a record is marked `attempted` before it is handed to Kafka and
 * deleted after the broker acknowledged it. A record still marked attempted when the relay
 * next reads the outbox may or may not be on the topic (the process died between send and
 * delete, or a send failed part-way); before sending such records again, the relay looks
 * for their event ids at the tail of the topic and drops the ones already there.
 *
 * Why the tail suffices: the relay holds the outbox lock, sends in id order and waits for each
 * batch before the next, so the attempted records are the last ones written to any partition
 * of their topic; k attempted records for a topic are within the last k messages of each partition.
 */
export class PublishOutboxStore implements OutboxStore {
  private readonly logger = new Logger(PublishOutboxStore.name);
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: SqlOutboxStore,
    private readonly delivered: DeliveredEvents,
    schema: string,
  ) {
    this.table = `${schema}.outbox`;
  }

  enqueue(manager: EntityManager, messages: OutgoingMessage[]): Promise<void> {
    return this.sql.enqueue(manager, messages);
  }

  withRelayLock(work: () => Promise<void>): Promise<boolean> {
    return this.sql.withRelayLock(work);
  }

  markSent(ids: string[]): Promise<void> {
    return this.sql.markSent(ids);
  }

  pending(): Promise<number> {
    return this.sql.pending();
  }

  /** The oldest unsent records, with those already on their topic removed; marked attempted before they are returned. */
  async nextBatch(limit: number): Promise<OutboxRecord[]> {
    await this.settleAttempted();
    const rows = (await this.dataSource.query(`SELECT id, topic, key, value, headers, attempted_at FROM ${this.table} ORDER BY id LIMIT $1`, [limit])) as Row[];
    if (rows.length === 0) return [];
    await this.dataSource.query(`UPDATE ${this.table} SET attempted_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => String(r.id))]);
    return rows.map((r) => ({ id: String(r.id), message: { topic: r.topic, key: r.key, value: r.value, headers: r.headers } }));
  }

  /** Drops the attempted records whose events are already on their topic. */
  private async settleAttempted(): Promise<void> {
    const attempted = (await this.dataSource.query(`SELECT id, topic, headers FROM ${this.table} WHERE attempted_at IS NOT NULL ORDER BY id`)) as Pick<
      Row,
      'id' | 'topic' | 'headers'
    >[];
    if (attempted.length === 0) return;
    const byTopic = new Map<string, Pick<Row, 'id' | 'topic' | 'headers'>[]>();
    for (const r of attempted) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
    const sent: string[] = [];
    for (const [topic, rows] of byTopic) {
      const ids = new Set(rows.map((r) => r.headers[Header.CeId]).filter((id): id is string => Boolean(id)));
      const found = await this.delivered.find(topic, ids, rows.length);
      for (const r of rows) if (found.has(r.headers[Header.CeId])) sent.push(String(r.id));
    }
    if (sent.length > 0) await this.sql.markSent(sent);
    await this.dataSource.query(`UPDATE ${this.table} SET attempted_at = NULL WHERE attempted_at IS NOT NULL`);
    this.logger.warn({ msg: 'outbox records found after an interrupted send', attempted: attempted.length, alreadyDelivered: sent.length });
  }
}
