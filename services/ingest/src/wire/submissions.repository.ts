import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { CoalescingWriter } from '@copydesk/batching';
import { SubmissionEntity } from '../database/submission.entity';

export type ReserveResult = { reserved: true } | { reserved: false; existing: SubmissionEntity };

@Injectable()
export class SubmissionsRepository {
  /** Accepted submissions of concurrent requests go to the database in one statement. */
  private readonly accepted: CoalescingWriter<SubmissionEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.accepted = new CoalescingWriter((rows) => this.insertRows(rows), 500);
  }

  /**
   * Claims an idempotency key for a submission before it is produced. When the key is
   * already taken, returns the submission that holds it.
   */
  async reserve(submission: SubmissionEntity): Promise<ReserveResult> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO ingest.submissions (id, source_id, received_at, captured_at, content_type, size, sha256, idempotency_key, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending')
       ON CONFLICT (source_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [submission.id, submission.sourceId, submission.receivedAt, submission.capturedAt, submission.contentType, submission.size, submission.sha256, submission.idempotencyKey],
    );
    if (inserted.length > 0) return { reserved: true };
    const existing = await this.dataSource
      .getRepository(SubmissionEntity)
      .findOneByOrFail({ sourceId: submission.sourceId, idempotencyKey: submission.idempotencyKey as string });
    return { reserved: false, existing };
  }

  /**
   * Frees an idempotency key whose request never finished (the process stopped between the
   * broker's acknowledgement and this row's update) once it is older than `before`.
   * Returns true when it freed it; the retry then submits the copy again.
   */
  async releaseAbandoned(sourceId: string, idempotencyKey: string, before: Date): Promise<boolean> {
    const result = await this.dataSource.getRepository(SubmissionEntity).delete({
      sourceId,
      idempotencyKey,
      state: 'pending',
      receivedAt: LessThan(before),
    });
    return (result.affected ?? 0) > 0;
  }

  async markAccepted(id: string): Promise<void> {
    await this.dataSource.getRepository(SubmissionEntity).update({ id }, { state: 'accepted' });
  }

  async release(id: string): Promise<void> {
    await this.dataSource.getRepository(SubmissionEntity).delete({ id, state: 'pending' });
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
    await this.dataSource.query(
      `INSERT INTO ingest.submissions (id, source_id, received_at, captured_at, content_type, size, sha256, idempotency_key, state) VALUES ${values.join(', ')}`,
      params,
    );
  }
}
