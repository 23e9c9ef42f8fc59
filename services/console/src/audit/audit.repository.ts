import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AuditEntry {
  username: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  result: string;
  status: number;
}

/** `console.audit`: every write an operator made, with its result. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(e: AuditEntry): Promise<void> {
    await this.dataSource.query(`INSERT INTO console.audit (username, action, target, details, result, status) VALUES ($1, $2, $3, $4, $5, $6)`, [
      e.username,
      e.action,
      e.target,
      JSON.stringify(e.details),
      e.result,
      e.status,
    ]);
  }

  async list(filter: { action?: string; username?: string; limit: number }): Promise<(AuditEntry & { id: string; at: string })[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM console.audit WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR username = $2) ORDER BY id DESC LIMIT $3`,
      [filter.action ?? null, filter.username ?? null, filter.limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      at: (r.at as Date).toISOString(),
      username: r.username as string,
      action: r.action as string,
      target: r.target as string,
      details: r.details as Record<string, unknown>,
      result: r.result as string,
      status: r.status as number,
    }));
  }

  async deleteOlderThan(days: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM console.audit WHERE at < now() - make_interval(days => $1)`, [days]);
  }
}
