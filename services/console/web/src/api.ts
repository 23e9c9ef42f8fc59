/** The console's JSON API, from the page: the session cookie travels by itself, the CSRF token with every write. */
let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[],
  ) {
    super(message);
  }
}

export async function api<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const write = method !== 'GET';
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: write ? { 'content-type': 'application/json', 'x-csrf-token': csrfToken } : {},
    body: write ? JSON.stringify(options.body ?? {}) : undefined,
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiFailure(res.status, data?.error ?? `HTTP_${res.status}`, data?.message ?? res.statusText, data?.details ?? []);
  return data as T;
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function errorText(e: unknown): string {
  return e instanceof ApiFailure ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e);
}
