import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CoalescingBatcher, CoalescingWriter } from '@copydesk/batching';
import { SubmissionEntity } from '../database/submission.entity';

export type ReserveResult = { reserved: true } | { reserved: false; existing: SubmissionEntity };

interface SubmissionRow {
  id: string;
  source_id: string;
  received_at: Date;
  captured_at: Date;
  content_type: string;
  size: number;
  sha256: string;
  idempotency_key: string | null;
  state: 'pending' | 'accepted';
  attempt: number;
  claimed_at: Date | null;
}

const COLUMNS = 'id, source_id, received_at, captured_at, content_type, size, sha256, idempotency_key, state, attempt, claimed_at';

function toEntity(r: SubmissionRow): SubmissionEntity {
  return {
    id: r.id,
    sourceId: r.source_id,
    receivedAt: r.received_at,
    capturedAt: r.captured_at,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    idempotencyKey: r.idempotency_key,
    state: r.state,
    attempt: r.attempt,
    claimedAt: r.claimed_at,
  };
}

/** TypeORM answers an UPDATE ... RETURNING with [rows, affected]. */
function returned(result: unknown): SubmissionRow[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as SubmissionRow[]) : [];
}

@Injectable()
export class SubmissionsRepository {
  /**
   * The writes of the hot path, each gathered across concurrent requests into one statement:
   * accepted submissions sent without a key, idempotency claims, and acceptances of claims.
   * A request still waits for the statement that carried its row before it is answered.
   */
  private readonly accepted: CoalescingWriter<SubmissionEntity>;
  private readonly claims: CoalescingBatcher<SubmissionEntity, boolean>;
  private readonly acceptances: CoalescingBatcher<string, boolean>;

  constructor(private readonly dataSource: DataSource) {
    this.accepted = new CoalescingWriter((rows) => this.insertRows(rows), 500);
    this.claims = new CoalescingBatcher((rows) => this.claimRows(rows), 500);
    this.acceptances = new CoalescingBatcher((ids) => this.acceptRows(ids), 500);
  }

  /**
   * Claims an idempotency key for a submission before it is produced, as its attempt 1. When
   * the key is already taken, returns the submission that holds it.
   */
  async reserve(submission: SubmissionEntity, again = true): Promise<ReserveResult> {
    if (await this.claims.add(submission)) return { reserved: true };
    const existing = await this.findByKey(submission.sourceId, submission.idempotencyKey as string);
    if (existing) return { reserved: false, existing };
    // Gone between the two statements (the clean-up removed an old row): try once more.
    if (again) return this.reserve(submission, false);
    throw new Error('the idempotency key was neither free nor taken');
  }

  async findByKey(sourceId: string, idempotencyKey: string): Promise<SubmissionEntity | null> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM ingest.submissions WHERE source_id = $1 AND idempotency_key = $2`, [
      sourceId,
      idempotencyKey,
    ])) as SubmissionRow[];
    return rows[0] ? toEntity(rows[0]) : null;
  }

  /**
   * Takes over the claim of a pending submission whose request never finished (its claim is
   * older than `staleBefore`), as the next attempt. One UPDATE that checks the attempt the
   * caller saw: of two retries racing for it, one gets the submission back, the other null.
   */
  async takeOver(seen: SubmissionEntity, staleBefore: Date, now: Date): Promise<SubmissionEntity | null> {
    const rows = returned(
      await this.dataSource.query(
        `UPDATE ingest.submissions SET attempt = attempt + 1, claimed_at = $4
          WHERE id = $1 AND state = 'pending' AND attempt = $2 AND COALESCE(claimed_at, received_at) < $3
          RETURNING ${COLUMNS}`,
        [seen.id, seen.attempt, staleBefore, now],
      ),
    );
    return rows[0] ? toEntity(rows[0]) : null;
  }

  /**
   * Records that the broker acknowledged a submission held under an idempotency key. Returns
   * false when it was already recorded: another attempt of the same submission got there first.
   */
  accept(id: string): Promise<boolean> {
    return this.acceptances.add(id);
  }

  /**
   * Gives up a claim whose copy the broker did not acknowledge, keeping the submission: the
   * next retry with the key takes it over at once and sends the same submission again.
   * Does nothing when another attempt holds the claim by now.
   */
  async releaseClaim(id: string, attempt: number): Promise<void> {
    await this.dataSource.query(`UPDATE ingest.submissions SET claimed_at = 'epoch' WHERE id = $1 AND attempt = $2 AND state = 'pending'`, [id, attempt]);
  }

  insertAccepted(submission: SubmissionEntity): Promise<void> {
    return this.accepted.add({ ...submission, state: 'accepted' });
  }

  private async insertRows(rows: SubmissionEntity[]): Promise<void> {
    const params: unknown[] = [];
    const values = rows.map((r) => {
      params.push(r.id, r.sourceId, r.receivedAt, r.capturedAt, r.contentType, r.size, r.sha256, r.idempotencyKey, r.state);
      const n = params.length;
      return `($${n - 8}, $${n - 7}, $${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    // A row recorded late (after a database failure) may be recorded twice: the second is ignored.
    await this.dataSource.query(
      `INSERT INTO ingest.submissions (id, source_id, received_at, captured_at, content_type, size, sha256, idempotency_key, state) VALUES ${values.join(', ')}
       ON CONFLICT (id) DO NOTHING`,
      params,
    );
  }

  /**
   * One INSERT for the claims of many requests; true for each row that got its key. Of two
   * rows in the statement with the same source and key, the first gets it, as if they had
   * come one after the other (ON CONFLICT DO NOTHING also skips a row that collides with one
   * inserted earlier by the same statement).
   */
  private async claimRows(rows: SubmissionEntity[]): Promise<boolean[]> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO ingest.submissions (id, source_id, received_at, captured_at, content_type, size, sha256, idempotency_key, state, attempt, claimed_at)
       SELECT id, source_id, received_at, captured_at, content_type, size, sha256, idempotency_key, 'pending', 1, received_at
         FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::int[], $7::text[], $8::text[]) WITH ORDINALITY
              AS r(id, source_id, received_at, captured_at, content_type, size, sha256, idempotency_key, n)
        ORDER BY n
       ON CONFLICT (source_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.sourceId),
        rows.map((r) => r.receivedAt),
        rows.map((r) => r.capturedAt),
        rows.map((r) => r.contentType),
        rows.map((r) => r.size),
        rows.map((r) => r.sha256),
        rows.map((r) => r.idempotencyKey),
      ],
    )) as { id: string }[];
    const got = new Set(inserted.map((r) => r.id));
    return rows.map((r) => got.has(r.id));
  }

  /**
   * One UPDATE for the acceptances of many requests; true for each that recorded its
   * submission. Two attempts of one submission in the same statement: only the first records it.
   */
  private async acceptRows(ids: string[]): Promise<boolean[]> {
    const updated = returned(
      await this.dataSource.query(`UPDATE ingest.submissions SET state = 'accepted' WHERE id = ANY($1::uuid[]) AND state = 'pending' RETURNING id`, [ids]),
    );
    const recorded = new Set(updated.map((r) => r.id));
    return ids.map((id) => recorded.delete(id));
  }
}
