import { Header, Topic } from '@copydesk/contracts';
import { FailureInfo } from '../errors/handler-errors';
import { InboundMessage, OutgoingMessage } from '../message';

const MAX_HEADER_TEXT = 4000;

/**
 * The dead letter for a message a stage could not process: the original key and payload
 * untouched, the reason and the original coordinates and headers in headers.
 */
export function buildDeadLetter(stage: string, message: InboundMessage, failure: FailureInfo, attempts: number, now: Date = new Date()): OutgoingMessage {
  const headers: Record<string, string> = {};
  // A message replayed from the DLQ carries the attempts already spent on it: they count on.
  const earlier = Number(message.headers[Header.Attempts] ?? 0);
  const total = attempts + (Number.isSafeInteger(earlier) && earlier > 0 ? earlier : 0);
  for (const [k, v] of Object.entries(message.headers)) headers[`${Header.DlqOriginalHeaderPrefix}${k}`] = v;
  Object.assign(headers, {
    [Header.DlqStage]: stage,
    [Header.DlqErrorCode]: failure.code,
    [Header.DlqErrorMessage]: failure.message.slice(0, MAX_HEADER_TEXT),
    [Header.DlqErrorDetails]: JSON.stringify(failure.details).slice(0, MAX_HEADER_TEXT),
    [Header.DlqTopic]: message.topic,
    [Header.DlqPartition]: String(message.partition),
    [Header.DlqOffset]: message.offset,
    [Header.DlqKey]: message.key ?? '',
    [Header.DlqAttempts]: String(total),
    [Header.DlqFailedAt]: now.toISOString(),
  });
  // Keep the ids that follow the work, so operators can search dead letters by them.
  for (const id of [Header.SubmissionId, Header.SourceId, Header.ItemId, Header.StoryId]) {
    if (message.headers[id]) headers[id] = message.headers[id];
  }
  return { topic: Topic.WireDlq, key: message.key, value: message.value, headers };
}

export interface DeadLetterView {
  stage: string;
  errorCode: string;
  errorMessage: string;
  errorDetails: unknown[];
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  originalKey: string | null;
  attempts: number;
  failedAt: string;
  originalHeaders: Record<string, string>;
}

/** Reads the reason back from a dead letter's headers. */
export function readDeadLetter(headers: Record<string, string>): DeadLetterView {
  const originalHeaders: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (k.startsWith(Header.DlqOriginalHeaderPrefix)) originalHeaders[k.slice(Header.DlqOriginalHeaderPrefix.length)] = v;
  }
  let details: unknown[] = [];
  try {
    details = JSON.parse(headers[Header.DlqErrorDetails] ?? '[]');
  } catch {
    details = [headers[Header.DlqErrorDetails]];
  }
  return {
    stage: headers[Header.DlqStage] ?? '',
    errorCode: headers[Header.DlqErrorCode] ?? '',
    errorMessage: headers[Header.DlqErrorMessage] ?? '',
    errorDetails: details,
    originalTopic: headers[Header.DlqTopic] ?? '',
    originalPartition: Number(headers[Header.DlqPartition] ?? -1),
    originalOffset: headers[Header.DlqOffset] ?? '',
    originalKey: headers[Header.DlqKey] || null,
    attempts: Number(headers[Header.DlqAttempts] ?? 0),
    failedAt: headers[Header.DlqFailedAt] ?? '',
    originalHeaders,
  };
}
