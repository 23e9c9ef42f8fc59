import { Header } from './headers';

/**
 * `wire.raw.v1`: the body exactly as the newsroom sent it is the message value;
 * the submission's metadata travels in headers.
 */
export interface RawSubmissionMeta {
  submissionId: string;
  sourceId: string;
  /** ISO instant the request reached ingest. */
  receivedAt: string;
  /** ISO instant the copy was captured (`X-Captured-At`), else the receive time. */
  capturedAt: string;
  /** As sent, e.g. "text/plain; charset=utf-8"; "application/octet-stream" when none was sent. */
  contentType: string;
  /** Charset declared in the content type, if any. */
  charset?: string;
  size: number;
  sha256: string;
}

export interface RawSubmission extends RawSubmissionMeta {
  body: Buffer;
}

export function rawSubmissionHeaders(meta: RawSubmissionMeta): Record<string, string> {
  const headers: Record<string, string> = {
    [Header.SubmissionId]: meta.submissionId,
    [Header.SourceId]: meta.sourceId,
    [Header.ReceivedAt]: meta.receivedAt,
    [Header.CapturedAt]: meta.capturedAt,
    [Header.ContentType]: meta.contentType,
    [Header.Size]: String(meta.size),
    [Header.Sha256]: meta.sha256,
  };
  if (meta.charset) headers[Header.Charset] = meta.charset;
  return headers;
}

export class ContractError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ContractError';
  }
}

export function readRawSubmission(headers: Record<string, string>, value: Buffer | null): RawSubmission {
  const required = [Header.SubmissionId, Header.SourceId, Header.ReceivedAt, Header.CapturedAt, Header.Sha256] as const;
  const missing = required.filter((h) => !headers[h]);
  if (missing.length > 0) throw new ContractError('MALFORMED_MESSAGE', `raw submission lacks headers: ${missing.join(', ')}`);
  return {
    submissionId: headers[Header.SubmissionId],
    sourceId: headers[Header.SourceId],
    receivedAt: headers[Header.ReceivedAt],
    capturedAt: headers[Header.CapturedAt],
    contentType: headers[Header.ContentType] || 'application/octet-stream',
    charset: headers[Header.Charset] || undefined,
    size: Number(headers[Header.Size] ?? value?.length ?? 0),
    sha256: headers[Header.Sha256],
    body: value ?? Buffer.alloc(0),
  };
}
