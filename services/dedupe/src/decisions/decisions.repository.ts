import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DecisionView {
  itemId: string;
  submissionId: string;
  sourceId: string;
  outcome: 'new-story' | 'new-version' | 'duplicate';
  storyId: string | null;
  version: number | null;
  /** What matched and why: basis, rule, scores, reason. */
  evidence: Record<string, unknown>;
  decidedAt: string;
}

/** Reads `dedupe.decisions`: what dedupe decided for each item, for the operators' console. */
@Injectable()
export class DecisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(filter: { storyId?: string; submissionId?: string; itemId?: string }, limit: number): Promise<DecisionView[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT item_id, submission_id, source_id, outcome, story_id, version, evidence, decided_at FROM dedupe.decisions
        WHERE ($1::uuid IS NULL OR story_id = $1) AND ($2::uuid IS NULL OR submission_id = $2) AND ($3::text IS NULL OR item_id = $3)
        ORDER BY decided_at, item_id LIMIT $4`,
      [filter.storyId ?? null, filter.submissionId ?? null, filter.itemId ?? null, limit],
    );
    return rows.map((r) => ({
      itemId: r.item_id as string,
      submissionId: r.submission_id as string,
      sourceId: r.source_id as string,
      outcome: r.outcome as DecisionView['outcome'],
      storyId: (r.story_id as string | null) ?? null,
      version: (r.version as number | null) ?? null,
      evidence: r.evidence as Record<string, unknown>,
      decidedAt: (r.decided_at as Date).toISOString(),
    }));
  }

  /** Items decided per source in the last `hours` (an item is one story found in a submission). */
  async perSource(hours: number): Promise<{ sourceId: string; items: number }[]> {
    const rows: { source_id: string; n: string }[] = await this.dataSource.query(
      `SELECT source_id, count(*) AS n FROM dedupe.decisions WHERE decided_at > now() - make_interval(hours => $1) GROUP BY source_id`,
      [hours],
    );
    return rows.map((r) => ({ sourceId: r.source_id, items: Number(r.n) }));
  }
}
