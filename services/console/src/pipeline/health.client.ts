export interface InstanceHealth {
  url: string;
  ready: boolean;
  /** The HTTP status, or null when the instance did not answer. */
  status: number | null;
  /** The readiness checks the instance reported, or why it could not be asked. */
  checks: { name: string; status: string; error?: string }[];
  error?: string;
}

/** Asks one instance's /health/ready, giving up after `timeoutMs`. */
export async function instanceHealth(url: string, timeoutMs = 1500): Promise<InstanceHealth> {
  try {
    const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json().catch(() => ({}))) as { checks?: { name: string; status: string; error?: string }[] };
    return { url, ready: res.ok, status: res.status, checks: Array.isArray(body.checks) ? body.checks : [] };
  } catch (e) {
    return { url, ready: false, status: null, checks: [], error: e instanceof Error ? e.message : String(e) };
  }
}
