/** Typed helpers for the publish API. */
export interface StoryView {
  id: string;
  uri: string;
  sourceId: string;
  version: number;
  versionCount: number;
  kind: string;
  pubStatus: string;
  headline: string;
  updatedAt: string;
  updatedPrecision: 'second' | 'minute' | 'day';
  updatedLabel: string;
  firstSeenAt: string;
  submissionId: string;
  itemIndex: number;
  ninjs: Record<string, unknown>;
}

export interface StoryPage {
  items: StoryView[];
  nextCursor: string | null;
}

export interface ApiErrorBody {
  error: string;
  message: string;
  details: unknown[];
}

export class StoriesApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(`${status} ${body.error}: ${body.message}`);
  }
}

export class StoriesApi {
  constructor(private readonly baseUrl: string) {}

  async list(query: { source?: string; limit?: number; cursor?: string } = {}): Promise<StoryPage> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
    return this.get<StoryPage>(`/v1/stories${params.size ? `?${params}` : ''}`);
  }

  /** Every page of the list. */
  async listAll(query: { source?: string } = {}): Promise<StoryView[]> {
    const all: StoryView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ ...query, limit: 200, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  story(id: string): Promise<StoryView> {
    return this.get<StoryView>(`/v1/stories/${encodeURIComponent(id)}`);
  }

  private async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`);
    const body = (await res.json()) as unknown;
    if (!res.ok) throw new StoriesApiError(res.status, body as ApiErrorBody);
    return body as T;
  }
}
