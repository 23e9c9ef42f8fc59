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

  /** Which attempt holds the idempotency claim: 1, then one more for each retry that took an abandoned claim over. */
  @Column('integer')
  attempt!: number;

  /** When the attempt that holds the claim took it; null for rows from before claims were counted (then `receivedAt`). */
  @Column('timestamptz', { name: 'claimed_at', nullable: true })
  claimedAt!: Date | null;
}
