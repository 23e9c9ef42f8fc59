/** Something a service needs in order to work: the broker, the database. */
export interface HealthCheck {
  readonly name: string;
  /** Resolves when reachable; rejects (or times out) when not. */
  check(): Promise<void>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

export interface CheckResult {
  name: string;
  status: 'up' | 'down';
  error?: string;
  ms: number;
}

export async function runChecks(checks: HealthCheck[], timeoutMs = 3000): Promise<CheckResult[]> {
  return Promise.all(
    checks.map(async (c) => {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          c.check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return { name: c.name, status: 'up' as const, ms: Date.now() - started };
      } catch (e) {
        return { name: c.name, status: 'down' as const, error: e instanceof Error ? e.message : String(e), ms: Date.now() - started };
      } finally {
        if (timer) clearTimeout(timer);
      }
    }),
  );
}
