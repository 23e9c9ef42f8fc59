import { Injectable, Logger } from '@nestjs/common';
import { codecFor, MessageContext, NormalisedItemMessage, RawSubmission, Topic } from '@copydesk/contracts';
import { KafkaPublisher, OutgoingMessage, PermanentError, sendInSpans } from '@copydesk/kafka';
import { parseWire, WireFormatError } from '@copydesk/wire-formats';
import { NormaliseConfig } from '../config/normalise.config';
import { NormaliseErrorCode } from './normalise-error-code';

export interface NormaliseLimits {
  /** Most stories one submission may hold. */
  maxItems: number;
}

@Injectable()
export class NormaliseService {
  private readonly logger = new Logger(NormaliseService.name);

  private readonly limits: NormaliseLimits;

  constructor(
    private readonly publisher: KafkaPublisher,
    config: NormaliseConfig,
  ) {
    this.limits = { maxItems: config.NORMALISE_MAX_ITEMS_PER_SUBMISSION };
  }

  /**
   * Parses consecutive submissions of one partition into canonical items and puts them on
   * `wire.normalised.v1`, keyed by source so one source's copy stays in order; the items carry
   * the trace context of their submission's consumer span. Every one is parsed before anything is sent, so
   * a submission that cannot be parsed fails the batch with nothing produced (the consumer then
   * takes the batch's submissions one at a time, and only that one is dead-lettered). The
   * items go out in one publish (a produce request per megabyte), with a send span for each submission.
   * `contexts[i]` is the trace context of `submissions[i]`. Answers the items of each.
   */
  async normaliseBatch(submissions: RawSubmission[], contexts: readonly MessageContext[] = []): Promise<number[]> {
    const batches = submissions.map((s, i) => toMessages(s, contexts[i] ?? {}, this.limits));
    const parents = batches.map((messages, i) => ({ parent: contexts[i] ?? {}, count: messages.length }));
    await sendInSpans(Topic.WireNormalised, parents, () => this.publisher.publish(batches.flat()));
    submissions.forEach((s, i) => this.logger.log({ msg: 'submission normalised', submissionId: s.submissionId, items: batches[i].length }));
    return batches.map((messages) => messages.length);
  }
}

/**
 * The normalised items of a submission. The declared charset is read from the content type
 * the newsroom sent, by the same parser ingest checked it with. A submission with more
 * stories than the limit is a permanent failure: none of its items is produced.
 */
export function toMessages(submission: RawSubmission, context: MessageContext = {}, limits: NormaliseLimits = { maxItems: 10_000 }): OutgoingMessage[] {
  let parsed: ReturnType<typeof parseWire>;
  try {
    parsed = parseWire({
      body: submission.body,
      contentType: submission.contentType,
      capturedAt: new Date(submission.capturedAt),
    });
  } catch (e) {
    if (e instanceof WireFormatError) throw new PermanentError(e.code, e.message, toDetails(e.details));
    throw new PermanentError(NormaliseErrorCode.ParseFailed, e instanceof Error ? e.message : String(e));
  }
  if (parsed.items.length > limits.maxItems) {
    throw new PermanentError(
      NormaliseErrorCode.TooManyItems,
      `the submission holds ${parsed.items.length} stories, more than the limit of ${limits.maxItems}`,
      [{ items: parsed.items.length, limit: limits.maxItems, format: parsed.format }],
    );
  }
  return parsed.items.map((item, index) => {
    const value: NormalisedItemMessage = {
      itemId: `${submission.submissionId}:${index}`,
      submissionId: submission.submissionId,
      sourceId: submission.sourceId,
      itemIndex: index,
      itemCount: parsed.items.length,
      receivedAt: submission.receivedAt,
      capturedAt: submission.capturedAt,
      item,
    };
    return codecFor(Topic.WireNormalised).encode(value, context);
  });
}

function toDetails(details: unknown): unknown[] {
  if (details === undefined || details === null) return [];
  return Array.isArray(details) ? details : [details];
}
