import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { codecFor, RawSubmissionMeta, Topic } from '@copydesk/contracts';
import { KafkaPublisher } from '@copydesk/kafka';
import { ApiError } from '@copydesk/observability';
import { SubmissionEntity } from '../database/submission.entity';
import { Source } from '../sources/sources.service';
import { IngestErrorCode } from './ingest-error-code';
import { SubmissionsRepository } from './submissions.repository';
import { WireRequest } from './wire-request';

export interface Accepted {
  submissionId: string;
  sourceId: string;
  receivedAt: string;
  capturedAt: string;
  size: number;
  sha256: string;
  /** True when an earlier request with the same Idempotency-Key already submitted this copy. */
  replayed: boolean;
}

/** A pending idempotency key older than this belongs to a request that died. */
const ABANDONED_AFTER_MS = 60_000;

@Injectable()
export class WireService {
  private readonly logger = new Logger(WireService.name);

  constructor(
    private readonly publisher: KafkaPublisher,
    private readonly submissions: SubmissionsRepository,
  ) {}

  /** Puts the copy on `wire.raw.v1`; resolves only after the broker acknowledged it. */
  async submit(source: Source, request: WireRequest, body: Buffer, now: Date = new Date()): Promise<Accepted> {
    if (isBlank(body)) {
      throw new ApiError(400, IngestErrorCode.EmptyBody, 'the request body is empty');
    }
    const meta: RawSubmissionMeta = {
      submissionId: randomUUID(),
      sourceId: source.id,
      receivedAt: now.toISOString(),
      capturedAt: (request.capturedAt ?? now).toISOString(),
      contentType: request.contentType,
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    };
    const row: SubmissionEntity = {
      id: meta.submissionId,
      sourceId: source.id,
      receivedAt: now,
      capturedAt: new Date(meta.capturedAt),
      contentType: meta.contentType,
      size: meta.size,
      sha256: meta.sha256,
      idempotencyKey: request.idempotencyKey ?? null,
      state: 'pending',
    };

    if (request.idempotencyKey) {
      let claim = await this.submissions.reserve(row);
      if (!claim.reserved && claim.existing.state === 'pending' && claim.existing.sha256 === meta.sha256) {
        // A request with this key that never finished: it was never answered 202, so the
        // retry takes its place (a copy that did reach the broker is caught as a duplicate).
        const stale = new Date(now.getTime() - ABANDONED_AFTER_MS);
        if (await this.submissions.releaseAbandoned(source.id, request.idempotencyKey, stale)) claim = await this.submissions.reserve(row);
      }
      if (!claim.reserved) return this.replay(claim.existing, meta.sha256);
    }

    try {
      await this.publisher.publish(codecFor(Topic.WireRaw).encode({ ...meta, body }, request.trace));
    } catch (e) {
      if (request.idempotencyKey) await this.submissions.release(row.id);
      this.logger.error({ msg: 'broker did not acknowledge submission', submissionId: row.id, err: e });
      throw new ApiError(503, IngestErrorCode.BrokerUnavailable, 'the broker did not acknowledge the copy; nothing was accepted, send it again');
    }

    if (request.idempotencyKey) await this.submissions.markAccepted(row.id);
    else await this.submissions.insertAccepted(row);
    this.logger.log({ msg: 'submission accepted', submissionId: row.id, sourceId: source.id, size: meta.size, contentType: meta.contentType });
    return { ...this.toAccepted(meta), replayed: false };
  }

  private replay(existing: SubmissionEntity, sha256: string): Accepted {
    if (existing.sha256 !== sha256) {
      throw new ApiError(409, IngestErrorCode.IdempotencyKeyReused, 'this Idempotency-Key was used for a different body', [
        { submissionId: existing.id },
      ]);
    }
    if (existing.state !== 'accepted') {
      throw new ApiError(409, IngestErrorCode.IdempotencyKeyInProgress, 'a request with this Idempotency-Key is still in progress; retry shortly');
    }
    return {
      submissionId: existing.id,
      sourceId: existing.sourceId,
      receivedAt: existing.receivedAt.toISOString(),
      capturedAt: existing.capturedAt.toISOString(),
      size: existing.size,
      sha256: existing.sha256,
      replayed: true,
    };
  }

  private toAccepted(meta: RawSubmissionMeta): Omit<Accepted, 'replayed'> {
    return {
      submissionId: meta.submissionId,
      sourceId: meta.sourceId,
      receivedAt: meta.receivedAt,
      capturedAt: meta.capturedAt,
      size: meta.size,
      sha256: meta.sha256,
    };
  }
}

function isBlank(body: Buffer): boolean {
  for (const byte of body) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}
