import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface Sample {
  stage: string;
  at: string;
  lag: number | null;
  lagSeconds: number | null;
  rate: number;
  deadLetters: number;
  ready: boolean;
}

/** `console.samples`: the pipeline every CONSOLE_SAMPLE_MS, kept CONSOLE_RETENTION_DAYS, for the sparklines. */
@Injectable()
export class SamplesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(samples: Sample[]): Promise<void> {
    if (samples.length === 0) return;
    const values: unknown[] = [];
    const rows = samples.map((s, i) => {
      values.push(s.stage, s.at, s.lag, s.lagSeconds, s.rate, s.deadLetters, s.ready);
      const b = i * 7;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
    });
    await this.dataSource.query(
      `INSERT INTO console.samples (stage, at, lag, lag_seconds, rate, dead_letters, ready) VALUES ${rows.join(', ')} ON CONFLICT (stage, at) DO NOTHING`,
      values,
    );
  }

  /** Every sample since `minutes` ago, oldest first. */
  async since(minutes: number): Promise<Sample[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM console.samples WHERE at >= now() - make_interval(mins => $1) ORDER BY at, stage`,
      [minutes],
    );
    return rows.map((r) => ({
      stage: r.stage as string,
      at: (r.at as Date).toISOString(),
      lag: r.lag === null ? null : Number(r.lag),
      lagSeconds: r.lag_seconds === null ? null : Number(r.lag_seconds),
      rate: Number(r.rate),
      deadLetters: Number(r.dead_letters),
      ready: r.ready as boolean,
    }));
  }

  async deleteOlderThan(days: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM console.samples WHERE at < now() - make_interval(days => $1)`, [days]);
    await this.dataSource.query(`DELETE FROM console.alert_events WHERE at < now() - make_interval(days => $1)`, [days]);
  }
}
