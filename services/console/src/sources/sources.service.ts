import { Injectable } from '@nestjs/common';
import { ConsoleConfig, urlList } from '../config/console.config';
import { DeadLetterStore } from '../dead-letters/dead-letter.store';
import { ConsoleError, ConsoleErrorCode } from '../errors/console-error';

interface IngestSource {
  id: string;
  name: string;
  createdAt: string;
  disabledAt: string | null;
  lastSeenAt: string | null;
  submissionsLastHour: number;
}

/**
 * Sources, which ingest owns: listed and changed through ingest's admin endpoints (the code
 * path of `copydesk sources`), items an hour from dedupe's decisions, dead letters from the DLQ.
 */
@Injectable()
export class SourcesService {
  private readonly ingest: string;
  private readonly dedupe: string;

  constructor(
    private readonly config: ConsoleConfig,
    private readonly deadLetters: DeadLetterStore,
  ) {
    this.ingest = urlList(config.INGEST_URL)[0];
    this.dedupe = urlList(config.DEDUPE_URL)[0];
  }

  private async ingestCall<T>(method: 'GET' | 'POST', path: string): Promise<T> {
    if (!this.config.INGEST_ADMIN_TOKEN)
      throw new ConsoleError(ConsoleErrorCode.SourcesUnavailable, 'the console has no INGEST_ADMIN_TOKEN: sources cannot be managed here');
    let res: Response;
    try {
      res = await fetch(`${this.ingest}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.config.INGEST_ADMIN_TOKEN}` },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (e) {
      throw new ConsoleError(ConsoleErrorCode.UpstreamUnavailable, 'ingest does not answer', [{ error: e instanceof Error ? e.message : String(e) }]);
    }
    const body = (await res.json().catch(() => null)) as { error?: string; message?: string; details?: unknown[] } | null;
    if (!res.ok) {
      // Ingest's own error (SOURCE_NOT_FOUND, SOURCE_EXISTS, INVALID_SOURCE_NAME…) is passed on as it is.
      if (res.status < 500 && body?.error)
        throw new ConsoleError(ConsoleErrorCode.InvalidRequest, body.message ?? body.error, [{ ingest: body.error, status: res.status }]);
      throw new ConsoleError(ConsoleErrorCode.UpstreamUnavailable, `ingest answered ${res.status}`, [body]);
    }
    return body as T;
  }

  private async itemsPerHour(): Promise<Map<string, number>> {
    try {
      const res = await fetch(`${this.dedupe}/v1/decisions/per-source?hours=1`, { signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { items: { sourceId: string; items: number }[] };
      return new Map(body.items.map((i) => [i.sourceId, i.items]));
    } catch {
      return new Map();
    }
  }

  async list() {
    const [{ items }, perHour] = await Promise.all([this.ingestCall<{ items: IngestSource[] }>('GET', '/admin/v1/sources'), this.itemsPerHour()]);
    const hourAgo = Date.now() - 3600_000;
    return items.map((s) => ({
      ...s,
      itemsLastHour: perHour.get(s.id) ?? 0,
      deadLettersLastHour: this.deadLetters.count({ source: s.id, since: hourAgo }),
      deadLetters: this.deadLetters.count({ source: s.id }),
    }));
  }

  add(name: string) {
    return this.ingestCall<{ id: string; name: string; apiKey: string }>('POST', `/admin/v1/sources?${new URLSearchParams({ name })}`);
  }

  disable(ref: string) {
    return this.ingestCall('POST', `/admin/v1/sources/${encodeURIComponent(ref)}/disable`);
  }

  rotate(ref: string) {
    return this.ingestCall<{ id: string; name: string; apiKey: string }>('POST', `/admin/v1/sources/${encodeURIComponent(ref)}/rotate`);
  }
}
