import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_URL, KAFKA_BROKERS, ROOT } from './env';

export type ServiceName = 'ingest' | 'normalise' | 'dedupe' | 'publish';

export interface RunningStack {
  urls: Record<ServiceName, string>;
  stop(): Promise<void>;
}

const PORT_VARIABLE: Record<ServiceName, string> = {
  ingest: 'INGEST_PORT',
  normalise: 'NORMALISE_PORT',
  dedupe: 'DEDUPE_PORT',
  publish: 'PUBLISH_PORT',
};

async function waitReady(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode} (see tmp/e2e-logs)`);
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`${url} did not become ready`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Runs the four services from the build output as separate processes, on their own ports
 * and consumer groups, against the suite's broker and database; logs go to tmp/e2e-logs/.
 */
export async function startServices(
  name: string,
  basePort: number,
  extraEnv: Record<string, string> = {},
  services: ServiceName[] = ['ingest', 'normalise', 'dedupe', 'publish'],
): Promise<RunningStack> {
  const logDir = path.join(ROOT, 'tmp', 'e2e-logs', name);
  mkdirSync(logDir, { recursive: true });
  const children = new Map<ServiceName, ChildProcess>();
  const urls = {} as Record<ServiceName, string>;
  services.forEach((service) => {
    const port = basePort + ['ingest', 'normalise', 'dedupe', 'publish'].indexOf(service);
    urls[service] = `http://127.0.0.1:${port}`;
    const log = createWriteStream(path.join(logDir, `${service}.log`));
    const child = spawn(process.execPath, ['-r', path.join(ROOT, 'tools/register-paths.js'), path.join(ROOT, `dist/services/${service}/src/main.js`)], {
      env: {
        ...process.env,
        KAFKA_BROKERS,
        DATABASE_URL,
        LOG_LEVEL: 'info',
        [PORT_VARIABLE[service]]: String(port),
        NORMALISE_GROUP_ID: `${name}-normalise`,
        DEDUPE_GROUP_ID: `${name}-dedupe`,
        PUBLISH_GROUP_ID: `${name}-publish`,
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    children.set(service, child);
  });
  const stop = async () => {
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    await Promise.all(services.map((s) => waitReady(urls[s], children.get(s) as ChildProcess, 90_000)));
  } catch (e) {
    await stop();
    throw e;
  }
  return { urls, stop };
}

/** `copydesk sources add NAME`, as a newsroom engineer would run it. */
export function addSource(name: string): { id: string; name: string; apiKey: string } {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/copydesk'), ['sources', 'add', name], {
    env: { ...process.env, DATABASE_URL },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`copydesk sources add failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim());
}

export interface ConsumerKey {
  id: string;
  name: string;
  apiKey: string;
  allStatuses: boolean;
}

/**
 * `copydesk consumers …`, as an operator would run it: exit status, output and errors. Run
 * asynchronously, so the test's own connections (keep-alive timers) go on meanwhile.
 */
export function consumersCommand(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/copydesk'), ['consumers', ...args], { env: { ...process.env, DATABASE_URL }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `copydesk consumers add NAME [--all-statuses]`: a reader of the stories API and the stream. */
export async function addConsumer(name: string, options: { allStatuses?: boolean } = {}): Promise<ConsumerKey> {
  const result = await consumersCommand(['add', name, ...(options.allStatuses ? ['--all-statuses'] : [])]);
  if (result.status !== 0) throw new Error(`copydesk consumers add failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim());
}

/** Polls `check` until it returns a value other than undefined. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, what: string, deadlineMs = 60_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
