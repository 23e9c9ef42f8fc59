import { Logger } from '@nestjs/common';
import { createServer, Server } from 'node:http';

/** What the service waits for while it starts, shown by the start-up probe. */
const waitingFor = new Set<string>();

/**
 * Runs `attempt` until it succeeds, backing off (0.5 s, doubling, capped at 2 s, with jitter)
 * and logging each wait: how a service that starts while PostgreSQL or the broker is down
 * waits for it instead of exiting, and starts within a couple of seconds of its return (an
 * attempt is one connection: cheap enough to make every 2 s). Meanwhile the start-up probe
 * answers not ready, naming it.
 */
export async function untilAvailable<T>(what: string, attempt: () => Promise<T>, options: { maxDelayMs?: number } = {}): Promise<T> {
  const logger = new Logger('Startup');
  const maxDelayMs = options.maxDelayMs ?? 2000;
  for (let n = 1; ; n++) {
    try {
      const result = await attempt();
      if (waitingFor.delete(what)) logger.log({ msg: 'dependency available', dependency: what, attempts: n });
      return result;
    } catch (e) {
      waitingFor.add(what);
      const delay = Math.min(maxDelayMs, 500 * 2 ** Math.min(10, n - 1));
      logger.warn({ msg: 'waiting for a dependency', dependency: what, attempt: n, retryInMs: delay, error: e instanceof Error ? e.message : String(e) });
      await new Promise((r) => setTimeout(r, delay / 2 + (Math.random() * delay) / 2));
    }
  }
}

/**
 * A bare HTTP server on the service's port while it starts: `/health/live` answers 200 and
 * `/health/ready` 503 with what the service is still waiting for, so an orchestrator sees a
 * live process that is not ready (not a refused connection). Closed just before the service
 * itself listens on the port.
 */
export async function startStartupProbe(host: string, port: number): Promise<{ close(): Promise<void> }> {
  // Every answer closes its connection: a client polling over one kept-alive connection would
  // otherwise keep it busy, and close() would wait for it for ever, so the service never listened.
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    // No keep-alive: the connections must not outlive the probe when the service takes the port.
    if (path === '/health/live') {
      res.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify({ status: 'ok' }));
      return;
    }
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1', connection: 'close' }).end(
      JSON.stringify({
        status: 'starting',
        waitingFor: [...waitingFor],
        checks: [...waitingFor].map((name) => ({ name, status: 'down', error: 'waiting at start-up' })),
      }),
    );
  });
  await new Promise<void>((resolve) => {
    server.once('error', () => resolve()); // the port is taken: the service's own listen will report it
    server.listen(port, host, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
