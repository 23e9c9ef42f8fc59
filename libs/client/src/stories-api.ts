/** Typed helpers for the publish API. The vocabulary (precision, status, version kind) is the contracts'. */
import { MatchEvidence, PubStatus, StoryEventType, TimePrecision, VersionKind } from '@copydesk/contracts';

export type { PubStatus, TimePrecision, VersionKind } from '@copydesk/contracts';

export interface StoryView {
  id: string;
  uri: string;
  sourceId: string;
  version: number;
  versionCount: number;
  kind: VersionKind;
  pubStatus: PubStatus;
  headline: string;
  updatedAt: string;
  updatedPrecision: TimePrecision;
  /** "Updated 4 sec ago", rendered when the response was made. */
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

export interface VersionView {
  storyId: string;
  version: number;
  kind: VersionKind;
  current: boolean;
  pubStatus: PubStatus;
  /** False while the version is held under embargo (seen only with a key that has the all-statuses right). */
  released: boolean;
  eventId: string;
  eventType: StoryEventType;
  updatedAt: string;
  updatedPrecision: TimePrecision;
  updatedLabel: string;
  publishedAt: string;
  submissionId: string;
  itemIndex: number;
  match: MatchEvidence;
  ninjs: Record<string, unknown>;
}

export interface VersionPage {
  storyId: string;
  /** Oldest first. */
  items: VersionView[];
  nextCursor: string | null;
}

export interface VersionQuery {
  limit?: number;
  cursor?: string;
}

export interface DiffSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface StoryDiff {
  storyId: string;
  from: number;
  to: number;
  changed: boolean;
  headline: DiffSegment[];
  summary: DiffSegment[];
  body: DiffSegment[];
}

export interface StoryQuery {
  source?: string;
  /** ISO instant. */
  updatedSince?: string;
  pubStatus?: PubStatus;
  /** Words that must all appear in the headline. */
  q?: string;
  limit?: number;
  cursor?: string;
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
    /** From `Retry-After` on a 429 (`RATE_LIMITED`): seconds to wait before trying again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`${status} ${body.error}: ${body.message}`);
    this.name = 'StoriesApiError';
  }
}

/** `Retry-After` in seconds, when the answer has one. */
export function retryAfterOf(res: Response): number | undefined {
  const value = Number(res.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).error === 'string';
}

export interface StoriesApiOptions {
  /** A consumer key (`copydesk consumers add NAME`), sent as `Authorization: Bearer <apiKey>`. Without one, only public reading works, where it is on. */
  apiKey?: string;
}

/** The request headers that carry a consumer key. */
export function authorizationHeaders(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { Authorization: `Bearer ${apiKey}` } : {};
}

export class StoriesApi {
  constructor(
    private readonly baseUrl: string,
    private readonly options: StoriesApiOptions = {},
  ) {}

  list(query: StoryQuery = {}): Promise<StoryPage> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
    return this.get<StoryPage>(`/v1/stories${params.size ? `?${params}` : ''}`);
  }

  /** Every page of the list. */
  async listAll(query: Omit<StoryQuery, 'cursor' | 'limit'> = {}): Promise<StoryView[]> {
    const all: StoryView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ ...query, limit: 200, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  /** The latest version of a story. */
  story(id: string): Promise<StoryView> {
    return this.get<StoryView>(`/v1/stories/${encodeURIComponent(id)}`);
  }

  /** One page of a story's versions, oldest first. */
  versionPage(id: string, query: VersionQuery = {}): Promise<VersionPage> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
    return this.get<VersionPage>(`/v1/stories/${encodeURIComponent(id)}/versions${params.size ? `?${params}` : ''}`);
  }

  /** Every version of a story, oldest first (every page). */
  async versions(id: string): Promise<VersionView[]> {
    const all: VersionView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.versionPage(id, { limit: 200, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  version(id: string, version: number): Promise<VersionView> {
    return this.get<VersionView>(`/v1/stories/${encodeURIComponent(id)}/versions/${version}`);
  }

  /** A word-level diff of headline, summary and body between two versions. */
  diff(id: string, from: number, to: number): Promise<StoryDiff> {
    return this.get<StoryDiff>(`/v1/stories/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`);
  }

  private async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: authorizationHeaders(this.options.apiKey) });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      throw new StoriesApiError(
        res.status,
        isErrorBody(body) ? body : { error: `HTTP_${res.status}`, message: text.slice(0, 200), details: [] },
        retryAfterOf(res),
      );
    }
    if (body === undefined) throw new StoriesApiError(res.status, { error: 'MALFORMED_RESPONSE', message: 'the response is not JSON', details: [] });
    return body as T;
  }
}
