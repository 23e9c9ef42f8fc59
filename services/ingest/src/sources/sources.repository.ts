import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { SourceEntity } from '../database/source.entity';

/** The channel a change to a source's key or state is announced on; the payload is the source id. */
export const SOURCE_CHANGES_CHANNEL = 'copydesk_ingest_sources';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SourceRow {
  id: string;
  name: string;
  api_key_hash: string;
  created_at: Date;
  disabled_at: Date | null;
}

function toEntity(r: SourceRow): SourceEntity {
  return { id: r.id, name: r.name, apiKeyHash: r.api_key_hash, createdAt: r.created_at, disabledAt: r.disabled_at };
}

@Injectable()
export class SourcesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(source: Pick<SourceEntity, 'id' | 'name' | 'apiKeyHash'>): Promise<SourceEntity> {
    const repo = this.dataSource.getRepository(SourceEntity);
    await repo.insert({ ...source, disabledAt: null });
    return repo.findOneByOrFail({ id: source.id });
  }

  findActiveByKeyHash(apiKeyHash: string): Promise<SourceEntity | null> {
    return this.dataSource.getRepository(SourceEntity).findOneBy({ apiKeyHash, disabledAt: IsNull() });
  }

  findByName(name: string): Promise<SourceEntity | null> {
    return this.dataSource.getRepository(SourceEntity).findOneBy({ name });
  }

  list(): Promise<SourceEntity[]> {
    return this.dataSource.getRepository(SourceEntity).find({ order: { createdAt: 'ASC' } });
  }

  /** Disables the source named (or with the id) `ref`, and announces it. Null when there is none. */
  disable(ref: string): Promise<SourceEntity | null> {
    return this.change(ref, 'disabled_at = COALESCE(disabled_at, now())', []);
  }

  /** Gives the source a new key hash (the old key stops working), and announces it. Null when there is none. */
  replaceKey(ref: string, apiKeyHash: string): Promise<SourceEntity | null> {
    return this.change(ref, 'api_key_hash = $2', [apiKeyHash]);
  }

  /**
   * One UPDATE and its NOTIFY in one transaction: every running ingest hears of the change
   * when it commits, and drops what it cached of the source.
   */
  private change(ref: string, set: string, params: unknown[]): Promise<SourceEntity | null> {
    return this.dataSource.transaction(async (m) => {
      const update = async (where: string) =>
        (
          (await m.query(`UPDATE ingest.sources SET ${set} WHERE ${where} RETURNING id, name, api_key_hash, created_at, disabled_at`, [ref, ...params])) as [
            SourceRow[],
            number,
          ]
        )[0][0];
      // An id first, then a name (a name may look like an id).
      const row = (UUID.test(ref) ? await update('id = $1::uuid') : undefined) ?? (await update('name = $1'));
      if (!row) return null;
      await m.query('SELECT pg_notify($1, $2)', [SOURCE_CHANGES_CHANNEL, row.id]);
      return toEntity(row);
    });
  }
}
