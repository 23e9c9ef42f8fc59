import { retryAfterSeconds } from './feed-backoff';
import { FeedErrorCode } from './feed-error-code';
import { FeedPollError } from './feed-poll.error';

/** The validators of the last document taken, sent back so an unchanged feed answers 304. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  /** Aborts the fetch when the service shuts down. */
  signal?: AbortSignal;
}

export type FetchResult =
  { kind: 'not-modified'; httpStatus: 304 } | { kind: 'document'; httpStatus: 200; body: Buffer; contentType: string | null; validators: Validators };

const USER_AGENT = 'copydesk-ingest (feed poller)';

/**
 * One conditional GET of a feed (If-None-Match / If-Modified-Since from the last document
 * taken), with node's own fetch. The whole exchange, body included, must end within
 * `timeoutMs`; a body is read only up to `maxBytes` (refused at once by its Content-Length,
 * else cut off as it streams), so a hostile server costs neither time nor memory. Throws
 * FeedPollError with a stable code.
 */
export async function fetchFeed(url: string, validators: Validators, limits: FetchLimits): Promise<FetchResult> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([timeout, limits.signal]) : timeout;
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    const res = await fetch(url, { headers, signal, redirect: 'follow' });
    if (res.status === 304) {
      await res.body?.cancel();
      return { kind: 'not-modified', httpStatus: 304 };
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      throw new FeedPollError(
        FeedErrorCode.FeedHttpStatus,
        `the server answered ${res.status} ${res.statusText}`.trim(),
        retryAfterSeconds(res.headers.get('retry-after')),
        res.status,
      );
    }
    const body = await readLimited(res, limits.maxBytes);
    return {
      kind: 'document',
      httpStatus: 200,
      body,
      contentType: res.headers.get('content-type'),
      validators: { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') },
    };
  } catch (e) {
    if (e instanceof FeedPollError) throw e;
    if (timeout.aborted) throw new FeedPollError(FeedErrorCode.FeedTimeout, `no complete answer within ${limits.timeoutMs} ms`);
    if (limits.signal?.aborted) throw e;
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new FeedPollError(FeedErrorCode.FeedUnreachable, [cause?.code, cause?.message ?? (e as Error).message].filter(Boolean).join(': ').slice(0, 500));
  }
}

async function readLimited(res: Response, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new FeedPollError(FeedErrorCode.FeedTooLarge, `the feed is larger than ${maxBytes} bytes`, undefined, 200);
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
