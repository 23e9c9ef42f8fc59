import { createHash } from 'node:crypto';
import { guessContentType } from './content-type-guess';
import { PushItem } from './push-items';
import { retryDelayMs } from './retry-after';

export interface WireTarget {
  /** Ingest's address, such as http://127.0.0.1:8081. */
  url: string;
  apiKey: string;
  /** Sent as Content-Type for every item; else guessed per file. */
  contentType?: string;
  /** Sent as X-Captured-At. */
  capturedAt?: string;
  /** Tries after the first, for answers that say "later" (429, 503) and for a refused connection. */
  retries: number;
  /** Longest wait between two tries. */
  maxRetryWaitMs: number;
}

export interface PushOutcome {
  name: string;
  result: 'accepted' | 'duplicate' | 'failed';
  sha256?: string;
  submissionId?: string;
  /** The HTTP status of the last answer (none when ingest could not be reached). */
  status?: number;
  /** The stable error code: ingest's `error`, or the command's own (FILE_NOT_READABLE, INGEST_UNREACHABLE). */
  code?: string;
  message?: string;
  attempts: number;
}

/**
 * Answers worth another try, after the Retry-After they give: the source over its rate (429),
 * ingest overloaded or its broker or database away (503), and the same Idempotency-Key still
 * in flight from an earlier try (409 IDEMPOTENCY_KEY_IN_PROGRESS).
 */
function retryable(status: number, code: string | undefined): boolean {
  return status === 429 || status === 503 || (status === 409 && code === 'IDEMPOTENCY_KEY_IN_PROGRESS');
}

async function errorBody(response: Response): Promise<{ code: string; message: string }> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') return { code: body.error, message: typeof body.message === 'string' ? body.message : '' };
  } catch {
    // not JSON: a proxy's page, say
  }
  return { code: `HTTP_${response.status}`, message: text.slice(0, 200) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts one item to `POST /v1/wire`. Its Idempotency-Key is the SHA-256 of its bytes, so pushing
 * the same file again (or a retry after a lost answer) submits it once.
 */
export async function postWire(item: PushItem, target: WireTarget): Promise<PushOutcome> {
  let body: Buffer;
  try {
    body = await item.read();
  } catch (e) {
    return { name: item.name, result: 'failed', code: 'FILE_NOT_READABLE', message: (e as Error).message, attempts: 0 };
  }
  const sha256 = createHash('sha256').update(body).digest('hex');
  const headers: Record<string, string> = { Authorization: `Bearer ${target.apiKey}`, 'Idempotency-Key': sha256 };
  const contentType = target.contentType ?? guessContentType(item.name === '-' ? undefined : item.name, body);
  if (contentType) headers['Content-Type'] = contentType;
  if (target.capturedAt) headers['X-Captured-At'] = target.capturedAt;
  const url = new URL('/v1/wire', target.url);

  for (let attempt = 0; ; attempt++) {
    const last = attempt >= target.retries;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body });
    } catch (e) {
      const message = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      if (last) return { name: item.name, result: 'failed', sha256, code: 'INGEST_UNREACHABLE', message: `${url.origin}: ${message}`, attempts: attempt + 1 };
      await sleep(retryDelayMs(undefined, attempt, target.maxRetryWaitMs));
      continue;
    }
    if (response.status === 202 || response.status === 200) {
      const accepted = (await response.json()) as { submissionId?: string; replayed?: boolean };
      return {
        name: item.name,
        result: accepted.replayed ? 'duplicate' : 'accepted',
        sha256,
        submissionId: accepted.submissionId,
        status: response.status,
        attempts: attempt + 1,
      };
    }
    const error = await errorBody(response);
    if (!last && retryable(response.status, error.code)) {
      await sleep(retryDelayMs(response.headers.get('retry-after'), attempt, target.maxRetryWaitMs));
      continue;
    }
    return { name: item.name, result: 'failed', sha256, status: response.status, code: error.code, message: error.message, attempts: attempt + 1 };
  }
}
