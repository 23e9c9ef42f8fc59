import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SubmissionEntity } from '../database/submission.entity';

export type ReserveResult = { reserved: true } | { reserved: false; existing: SubmissionEntity };

@Injectable()
export class SubmissionsRepository {
  constructor(private readonly dataSource: DataSource) {}

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

  async markAccepted(id: string): Promise<void> {
    await this.dataSource.getRepository(SubmissionEntity).update({ id }, { state: 'accepted' });
  }

  async release(id: string): Promise<void> {
    await this.dataSource.getRepository(SubmissionEntity).delete({ id, state: 'pending' });
  }

  async insertAccepted(submission: SubmissionEntity): Promise<void> {
    await this.dataSource.getRepository(SubmissionEntity).insert({ ...submission, state: 'accepted' });
  }
}
