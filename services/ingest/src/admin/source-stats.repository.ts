import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SourceStats {
  sourceId: string;
  lastSeenAt: string | null;
  submissionsLastHour: number;
}

/** When each source last sent copy, and how much it sent in the last hour (from `ingest.submissions`). */
@Injectable()
export class SourceStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<SourceStats[]> {
    const rows: { source_id: string; last_seen_at: Date | null; last_hour: string }[] = await this.dataSource.query(
      `SELECT s.id AS source_id,
              (SELECT max(received_at) FROM ingest.submissions x WHERE x.source_id = s.id) AS last_seen_at,
              (SELECT count(*) FROM ingest.submissions x WHERE x.source_id = s.id AND x.received_at > now() - interval '1 hour') AS last_hour
         FROM ingest.sources s`,
    );
    return rows.map((r) => ({ sourceId: r.source_id, lastSeenAt: r.last_seen_at?.toISOString() ?? null, submissionsLastHour: Number(r.last_hour) }));
  }
}
