import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every accepted submission, for audit and replay look-ups; the copy itself is on `wire.raw.v1`. */
@Entity({ name: 'submissions' })
export class SubmissionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'source_id' })
  sourceId!: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'captured_at' })
  capturedAt!: Date;

  @Column('text', { name: 'content_type' })
  contentType!: string;

  @Column('integer')
  size!: number;

  @Column('text')
  sha256!: string;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;

  /** 'pending' while the broker has not acknowledged it (an idempotency key holds the slot), then 'accepted'. */
  @Column('text')
  state!: 'pending' | 'accepted';
}
