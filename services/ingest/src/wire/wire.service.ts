import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { codecFor, MessageContext, RawSubmissionMeta, Topic } from '@copydesk/contracts';
import { KafkaPublisher, sendInSpan } from '@copydesk/kafka';
import { ApiError, inSpan, SpanKind } from '@copydesk/observability';
import { SubmissionEntity } from '../database/submission.entity';
import { Source } from '../sources/sources.service';
import { IngestErrorCode } from './ingest-error-code';
import { LateAcceptances } from './late-acceptances';
import { SubmissionsRepository } from './submissions.repository';
import { countAccepted } from './wire-metrics';
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

/** A pending idempotency claim older than this belongs to a request that died. */
export const ABANDONED_AFTER_MS = 60_000;
/** What a client is told to wait before it retries after the broker or the database failed. */
const BROKER_RETRY_AFTER_SECONDS = 1;
const DATABASE_RETRY_AFTER_SECONDS = 2;

/** The database failed: nothing was decided, the client may send the same request again. */
function databaseUnavailable(message: string): ApiError {
  return new ApiError(503, IngestErrorCode.DatabaseUnavailable, message, [], { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) });
}

@Injectable()
export class WireService {
  private readonly logger = new Logger(WireService.name);

  constructor(
    private readonly publisher: KafkaPublisher,
    private readonly submissions: SubmissionsRepository,
    private readonly late: LateAcceptances,
  ) {}

  /**
   * Puts the copy on `wire.raw.v1`; resolves only after the broker acknowledged it.
   *
   * Under an Idempotency-Key the submission is claimed first (attempt 1). A retry that finds
   * the claim abandoned takes it over as the next attempt and sends the same submission, with
   * the same id, again; whichever attempt the broker acknowledges first records the acceptance,
   * and every attempt answers that one submission.
   */
  async submit(source: Source, request: WireRequest, body: Buffer, now: Date = new Date()): Promise<Accepted> {
    if (isBlank(body)) {
      throw new ApiError(400, IngestErrorCode.EmptyBody, 'the request body is empty');
    }
    const submission: SubmissionEntity = {
      id: randomUUID(),
      sourceId: source.id,
      receivedAt: now,
      capturedAt: request.capturedAt ?? now,
      contentType: request.contentType,
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      idempotencyKey: request.idempotencyKey ?? null,
      state: 'pending',
      attempt: 1,
      claimedAt: now,
    };
    const trace = request.trace;
    if (!request.idempotencyKey) {
      await this.produce(submission, body, trace);
      await this.record(submission, () => inDatabaseSpan('record acceptance', trace, () => this.submissions.insertAccepted(submission)));
      return this.answer(submission, false);
    }

    const claimed = await inDatabaseSpan('claim idempotency key', trace, () => this.claim(submission, now));
    if (!('attempt' in claimed)) return claimed;
    try {
      await this.produce(claimed, body, request.trace);
    } catch (e) {
      await this.submissions.releaseClaim(claimed.id, claimed.attempt).catch(() => undefined);
      throw e;
    }
    let recorded = false;
    await this.record(claimed, () => inDatabaseSpan('record acceptance', trace, async () => (recorded = await this.submissions.accept(claimed.id))));
    // Not recorded by this attempt: another attempt of the same submission was acknowledged first.
    return this.answer(claimed, !recorded);
  }

  /** The submission this request may send under its key (a fresh claim or one taken over), or the answer the key already has. */
  private async claim(submission: SubmissionEntity, now: Date): Promise<SubmissionEntity | Accepted> {
    const key = submission.idempotencyKey as string;
    const reserved = await this.database(() => this.submissions.reserve(submission));
    if (reserved.reserved) return submission;
    let existing = reserved.existing;
    if (existing.sha256 === submission.sha256 && existing.state === 'pending') {
      const staleBefore = new Date(now.getTime() - ABANDONED_AFTER_MS);
      if ((existing.claimedAt ?? existing.receivedAt) < staleBefore) {
        // The request that held the key never finished: it was never answered 202, so this one
        // sends the same submission again (a copy that did reach the broker is recognised by its id).
        const taken = await this.database(() => this.submissions.takeOver(existing, staleBefore, now));
        if (taken) {
          this.logger.log({ msg: 'idempotency claim taken over', submissionId: taken.id, sourceId: taken.sourceId, attempt: taken.attempt });
          return taken;
        }
        // Another retry took it first, or it was accepted meanwhile.
        existing = (await this.database(() => this.submissions.findByKey(submission.sourceId, key))) ?? existing;
      }
    }
    return this.replay(existing, submission.sha256);
  }

  private async produce(submission: SubmissionEntity, body: Buffer, trace: MessageContext): Promise<void> {
    const meta: RawSubmissionMeta = {
      submissionId: submission.id,
      sourceId: submission.sourceId,
      receivedAt: submission.receivedAt.toISOString(),
      capturedAt: submission.capturedAt.toISOString(),
      contentType: submission.contentType,
      size: submission.size,
      sha256: submission.sha256,
    };
    try {
      await sendInSpan(Topic.WireRaw, trace, 1, () => this.publisher.publish(codecFor(Topic.WireRaw).encode({ ...meta, body }, trace)));
    } catch (e) {
      this.logger.error({ msg: 'broker did not acknowledge submission', submissionId: submission.id, err: e });
      throw new ApiError(503, IngestErrorCode.BrokerUnavailable, 'the broker did not acknowledge the copy; nothing was accepted, send it again', [], {
        'Retry-After': String(BROKER_RETRY_AFTER_SECONDS),
      });
    }
  }

  /**
   * Records an acceptance the broker has acknowledged. When the database fails here the copy
   * is already on the broker: the answer is a retryable 503, and the acceptance is written
   * again in the background, so a retry with the same key is then answered with this submission.
   */
  private async record(submission: SubmissionEntity, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (e) {
      this.late.add(submission);
      this.logger.error({
        msg: 'database did not record an acknowledged submission',
        submissionId: submission.id,
        sourceId: submission.sourceId,
        error: (e as Error).message,
      });
      throw databaseUnavailable(
        submission.idempotencyKey
          ? 'the copy reached the broker but its acceptance was not recorded; retry with the same Idempotency-Key'
          : 'the copy reached the broker but its acceptance was not recorded; a retry is taken as a new submission (send an Idempotency-Key to make retries safe)',
      );
    }
  }

  private async database<T>(query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (e) {
      this.logger.error({ msg: 'database unavailable', error: (e as Error).message });
      throw databaseUnavailable('the database is unavailable; nothing was accepted, send it again');
    }
  }

  private answer(submission: SubmissionEntity, replayed: boolean): Accepted {
    if (!replayed) countAccepted(submission.sourceId);
    this.logger.log({
      msg: 'submission accepted',
      submissionId: submission.id,
      sourceId: submission.sourceId,
      size: submission.size,
      contentType: submission.contentType,
      replayed,
    });
    return {
      submissionId: submission.id,
      sourceId: submission.sourceId,
      receivedAt: submission.receivedAt.toISOString(),
      capturedAt: submission.capturedAt.toISOString(),
      size: submission.size,
      sha256: submission.sha256,
      replayed,
    };
  }

  private replay(existing: SubmissionEntity, sha256: string): Accepted {
    if (existing.sha256 !== sha256) {
      throw new ApiError(409, IngestErrorCode.IdempotencyKeyReused, 'this Idempotency-Key was used for a different body', [{ submissionId: existing.id }]);
    }
    if (existing.state !== 'accepted') {
      throw new ApiError(409, IngestErrorCode.IdempotencyKeyInProgress, 'a request with this Idempotency-Key is still in progress; retry shortly', [], {
        'Retry-After': '1',
      });
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
}

/** Database work of a request, as a span of its trace. */
function inDatabaseSpan<T>(name: string, trace: MessageContext, work: () => Promise<T>): Promise<T> {
  return inSpan(`${name} ingest`, { kind: SpanKind.CLIENT, parent: trace, attributes: { 'db.system.name': 'postgresql' } }, work);
}

function isBlank(body: Buffer): boolean {
  for (const byte of body) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}
