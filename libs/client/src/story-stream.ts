import { ApiErrorBody, authorizationHeaders, retryAfterOf, StoriesApiError } from './stories-api';

/** One Server-Sent Event of `GET /v1/stream`: a published version as a structured CloudEvent. */
export interface StreamedStoryEvent {
  /** The SSE id: pass it as `lastEventId` to resume after this event. */
  id: string;
  event: {
    specversion: '1.0';
    id: string;
    source: string;
    type: 'story.created' | 'story.updated' | 'story.corrected' | 'story.withdrawn';
    time: string;
    subject: string;
    datacontenttype: string;
    dataschema: string;
    /** The IPTC ninjs 3.1 document. */
    data: Record<string, unknown> & { uri: string; version?: string };
  };
}

export interface StreamOptions {
  /** A consumer key, sent as `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Resume after this event id; without it, the stream starts with the next version published. */
  lastEventId?: string;
  signal?: AbortSignal;
  /** Called with every id the server sends, also the starting position it sends before any event. */
  onPosition?: (id: string) => void;
}

/**
 * Reads `GET /v1/stream` until the signal aborts or the server ends the stream. One connection:
 * to resume after a disconnect, call again with the last id received (or use `followStories`).
 */
export async function* streamStories(baseUrl: string, options: StreamOptions = {}): AsyncGenerator<StreamedStoryEvent> {
  const headers: Record<string, string> = { Accept: 'text/event-stream', ...authorizationHeaders(options.apiKey) };
  if (options.lastEventId) headers['Last-Event-ID'] = options.lastEventId;
  const res = await fetch(`${baseUrl}/v1/stream`, { headers, signal: options.signal });
  if (!res.ok || !res.body) throw new StoriesApiError(res.status, (await res.json()) as ApiErrorBody, retryAfterOf(res));
  const decoder = new TextDecoder();
  let buffer = '';
  let id = options.lastEventId ?? '';
  let data: string[] = [];
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r?\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer[newline] === '\r' ? 2 : 1));
        if (line === '') {
          if (data.length > 0) yield { id, event: JSON.parse(data.join('\n')) as StreamedStoryEvent['event'] };
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') {
          id = value;
          options.onPosition?.(value);
        } else if (field === 'data') data.push(value);
      }
    }
  } catch (e) {
    if (!options.signal?.aborted) throw e;
  }
}

export interface FollowOptions {
  /** A consumer key, sent as `Authorization: Bearer <apiKey>` on every connection. */
  apiKey?: string;
  lastEventId?: string;
  signal?: AbortSignal;
  /** Wait between reconnects, ms. */
  retryMs?: number;
}

/**
 * Follows the stream for as long as the signal allows, reconnecting after every disconnect
 * (a restart of the service, a dropped connection) with the last id it saw: no gap, no repeat.
 * Errors the server answers with 4xx are not retried, except 429 (over the rate limit), retried
 * after its `Retry-After`.
 */
export async function* followStories(baseUrl: string, options: FollowOptions = {}): AsyncGenerator<StreamedStoryEvent> {
  let position = options.lastEventId;
  const signal = options.signal;
  while (!signal?.aborted) {
    let waitMs = options.retryMs ?? 1000;
    try {
      for await (const e of streamStories(baseUrl, { apiKey: options.apiKey, lastEventId: position, signal, onPosition: (id) => (position = id) })) yield e;
    } catch (e) {
      if (signal?.aborted) return;
      if (e instanceof StoriesApiError && e.status === 429) waitMs = Math.max(waitMs, (e.retryAfterSeconds ?? 1) * 1000);
      else if (e instanceof StoriesApiError && e.status >= 400 && e.status < 500) throw e;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }
}
