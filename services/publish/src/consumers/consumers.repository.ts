import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReadDataSource } from '../database/read-data-source';
import { Consumer, ConsumerRecord } from './consumer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = `id, name, all_statuses, created_at, disabled_at`;

function toRecord(r: Record<string, unknown>): ConsumerRecord {
  return {
    id: r.id as string,
    name: r.name as string,
    allStatuses: r.all_statuses as boolean,
    createdAt: r.created_at as Date,
    disabledAt: (r.disabled_at as Date | null) ?? null,
  };
}

/** `publish.consumers`; in the service, on the read pool (key look-ups are on the read path). */
@Injectable()
export class ConsumersRepository {
  constructor(@InjectReadDataSource() private readonly dataSource: DataSource) {}

  /** False when the name is taken. */
  async insert(c: Consumer, apiKeyHash: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO publish.consumers (id, name, api_key_hash, all_statuses) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING RETURNING id`,
      [c.id, c.name, apiKeyHash, c.allStatuses],
    )) as unknown[];
    return rows.length > 0;
  }

  async findActiveByKeyHash(apiKeyHash: string): Promise<Consumer | null> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM publish.consumers WHERE api_key_hash = $1 AND disabled_at IS NULL`, [
      apiKeyHash,
    ])) as Record<string, unknown>[];
    if (rows.length === 0) return null;
    const { id, name, allStatuses } = toRecord(rows[0]);
    return { id, name, allStatuses };
  }

  list(): Promise<ConsumerRecord[]> {
    return this.dataSource
      .query(`SELECT ${COLUMNS} FROM publish.consumers ORDER BY created_at, name`)
      .then((rows: Record<string, unknown>[]) => rows.map(toRecord));
  }

  /** Disables the consumer with this name, or else with this id (kept, with the time); null when there is none. */
  async disable(nameOrId: string): Promise<ConsumerRecord | null> {
    const byName = await this.disableWhere('name = $1', nameOrId);
    if (byName || !UUID.test(nameOrId)) return byName;
    return this.disableWhere('id = $1::uuid', nameOrId);
  }

  private async disableWhere(condition: string, value: string): Promise<ConsumerRecord | null> {
    // An UPDATE answers [rows, count].
    const [rows] = (await this.dataSource.query(
      `UPDATE publish.consumers SET disabled_at = COALESCE(disabled_at, now()) WHERE ${condition} RETURNING ${COLUMNS}`,
      [value],
    )) as [Record<string, unknown>[], number];
    return rows.length > 0 ? toRecord(rows[0]) : null;
  }
}
