import { codecFor, Topic } from '@copydesk/contracts';
import type { InboundMessage } from '@copydesk/kafka';

/** A dead letter as `copydesk dlq list` shows it: where it sits, why it failed, where it came from. */
export interface DeadLetterLine {
  partition: number;
  offset: string;
  /** When it was written (broker time). */
  at: string;
  stage: string;
  errorCode: string;
  errorMessage: string;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  originalKey: string | null;
  attempts: number;
  failedAt: string;
  size: number;
}

export interface DeadLetterFilter {
  stage?: string;
  code?: string;
}

/** Reads a dead letter through the contracts' codec: it throws ContractError for one that does not meet wire.dlq.v1's contract. */
export function deadLetterLine(m: InboundMessage): DeadLetterLine {
  const letter = codecFor(Topic.WireDlq).decode({ topic: m.topic, key: m.key, value: m.value, headers: m.headers });
  return {
    partition: m.partition,
    offset: m.offset,
    at: new Date(Number(m.timestamp)).toISOString(),
    stage: letter.stage,
    errorCode: letter.errorCode,
    errorMessage: letter.errorMessage,
    originalTopic: letter.originalTopic,
    originalPartition: letter.originalPartition,
    originalOffset: letter.originalOffset,
    originalKey: letter.originalKey || null,
    attempts: letter.attempts,
    failedAt: letter.failedAt,
    size: m.value?.length ?? 0,
  };
}

export function matchesDeadLetter(l: DeadLetterLine, f: DeadLetterFilter): boolean {
  return (!f.stage || l.stage === f.stage) && (!f.code || l.errorCode === f.code);
}
