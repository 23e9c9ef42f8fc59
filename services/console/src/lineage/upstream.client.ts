import { Injectable } from '@nestjs/common';
import { ConsoleConfig, urlList } from '../config/console.config';
import { ConsoleError, ConsoleErrorCode } from '../errors/console-error';

/** GETs JSON from another service's API; a 404 answers null. */
async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T | null> {
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  } catch (e) {
    throw new ConsoleError(ConsoleErrorCode.UpstreamUnavailable, `no answer from ${new URL(url).origin}`, [
      { error: e instanceof Error ? e.message : String(e) },
    ]);
  }
  if (res.status === 404) return null;
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ConsoleError(ConsoleErrorCode.UpstreamUnavailable, `${new URL(url).origin} answered ${res.status}`, [body]);
  return body as T;
}

export interface PublishStory {
  id: string;
  sourceId: string;
  version: number;
  headline: string;
  kind: string;
  pubStatus: string;
  updatedAt: string;
  firstSeenAt: string;
  submissionId: string;
  itemIndex: number;
}

export interface PublishVersion {
  version: number;
  kind: string;
  current: boolean;
  pubStatus: string;
  eventId: string;
  eventType: string;
  publishedAt: string;
  submissionId: string;
  itemId?: string;
  match: Record<string, unknown>;
  updatedAt: string;
}

export interface Decision {
  itemId: string;
  submissionId: string;
  sourceId: string;
  outcome: string;
  storyId: string | null;
  version: number | null;
  evidence: Record<string, unknown>;
  decidedAt: string;
}

/** Publish's story API with the console's own consumer key, and dedupe's read-only decisions. */
@Injectable()
export class UpstreamClient {
  private readonly publish: string;
  private readonly dedupe: string;

  constructor(private readonly config: ConsoleConfig) {
    this.publish = urlList(config.PUBLISH_URL)[0];
    this.dedupe = urlList(config.DEDUPE_URL)[0];
  }

  private publishHeaders(): Record<string, string> {
    return this.config.CONSOLE_PUBLISH_KEY ? { authorization: `Bearer ${this.config.CONSOLE_PUBLISH_KEY}` } : {};
  }

  story(id: string): Promise<PublishStory | null> {
    return getJson<PublishStory>(`${this.publish}/v1/stories/${encodeURIComponent(id)}`, this.publishHeaders());
  }

  async stories(params: Record<string, string>): Promise<PublishStory[]> {
    const page = await getJson<{ items: PublishStory[] }>(
      `${this.publish}/v1/stories?${new URLSearchParams({ limit: '50', ...params })}`,
      this.publishHeaders(),
    );
    return page?.items ?? [];
  }

  async versions(id: string): Promise<PublishVersion[]> {
    const out: PublishVersion[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: PublishVersion[]; nextCursor: string | null } | null = await getJson(
        `${this.publish}/v1/stories/${encodeURIComponent(id)}/versions?${new URLSearchParams(cursor ? { limit: '200', cursor } : { limit: '200' })}`,
        this.publishHeaders(),
      );
      out.push(...(page?.items ?? []));
      cursor = page?.nextCursor ?? null;
    } while (cursor && out.length < 2000);
    return out;
  }

  diff(id: string, from: number, to: number): Promise<unknown> {
    return getJson(`${this.publish}/v1/stories/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`, this.publishHeaders());
  }

  async decisions(filter: { storyId?: string; submissionId?: string }): Promise<Decision[]> {
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
    const page = await getJson<{ items: Decision[] }>(`${this.dedupe}/v1/decisions?${q}`);
    return page?.items ?? [];
  }
}
