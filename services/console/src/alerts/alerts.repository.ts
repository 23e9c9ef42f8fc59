import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AlertKind, AlertRule } from './alert-rule';

function toRule(r: Record<string, unknown>): AlertRule {
  return {
    id: r.id as string,
    name: r.name as string,
    kind: r.kind as AlertKind,
    stage: r.stage as string,
    threshold: Number(r.threshold),
    holdSeconds: r.hold_seconds as number,
    webhookUrl: (r.webhook_url as string | null) ?? null,
    enabled: r.enabled as boolean,
    createdAt: (r.created_at as Date).toISOString(),
  };
}

/** `console.alert_rules` and `console.alert_events`. */
@Injectable()
export class AlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async rules(): Promise<AlertRule[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(`SELECT * FROM console.alert_rules ORDER BY created_at`);
    return rows.map(toRule);
  }

  async add(r: Omit<AlertRule, 'id' | 'createdAt' | 'enabled'>): Promise<AlertRule> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `INSERT INTO console.alert_rules (id, name, kind, stage, threshold, hold_seconds, webhook_url) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [randomUUID(), r.name, r.kind, r.stage, r.threshold, r.holdSeconds, r.webhookUrl],
    );
    return toRule(rows[0]);
  }

  async remove(id: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query(`DELETE FROM console.alert_rules WHERE id = $1`, [id])) as [unknown, number];
    return count > 0;
  }

  async event(ruleId: string, state: 'firing' | 'resolved', value: number | null, delivery: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO console.alert_events (rule_id, state, value, delivery) VALUES ($1, $2, $3, $4)`, [ruleId, state, value, delivery]);
  }

  async events(limit: number) {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT e.*, r.name FROM console.alert_events e JOIN console.alert_rules r ON r.id = e.rule_id ORDER BY e.id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      ruleId: r.rule_id as string,
      rule: r.name as string,
      state: r.state as string,
      at: (r.at as Date).toISOString(),
      value: r.value === null ? null : Number(r.value),
      delivery: r.delivery as string,
    }));
  }
}
