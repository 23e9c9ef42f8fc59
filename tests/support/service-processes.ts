import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { CommandRun, runCopydesk } from './copydesk-command';
import { commandEnv, DATABASE_URL, KAFKA_BROKERS, ROOT } from './env';

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

const SERVICES: readonly ServiceName[] = ['ingest', 'normalise', 'dedupe', 'publish'];

/**
 * One service from the build output as a process, on its own port and consumer group, against
 * the suite's broker and database. A spec can stop it with any signal (SIGKILL for a crash) and
 * start it again; every start of it logs to tmp/e2e-logs/<name>/<service>.log.
 */
export class ServiceProcess {
  readonly url: string;
  private child: ChildProcess | undefined;
  private starts = 0;

  constructor(
    readonly service: ServiceName,
    private readonly name: string,
    readonly port: number,
    private readonly extraEnv: Record<string, string> = {},
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** The process id of the current start, for benchmarks that read /proc. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and waits until it answers ready. */
  async start(deadlineMs = 90_000): Promise<void> {
    const child = this.spawn();
    const end = Date.now() + deadlineMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${this.service} at ${this.url} exited with ${child.exitCode ?? child.signalCode} (see tmp/e2e-logs/${this.name})`);
      }
      try {
        if ((await fetch(`${this.url}/health/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > end) throw new Error(`${this.service} at ${this.url} did not become ready`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Ends the process with `signal` and waits until it has exited. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  private spawn(): ChildProcess {
    const logDir = path.join(ROOT, 'tmp', 'e2e-logs', this.name);
    mkdirSync(logDir, { recursive: true });
    // The first start begins the log afresh; a restart adds to it. The child writes to the file
    // itself: through a pipe to this process, a busy test (or benchmark) would fill the pipe, and
    // the service's synchronous logger would wait on it with the whole service.
    const log = openSync(path.join(logDir, `${this.service}.log`), this.starts++ === 0 ? 'w' : 'a');
    const child = spawn(process.execPath, ['-r', path.join(ROOT, 'tools/register-paths.js'), path.join(ROOT, `dist/services/${this.service}/src/main.js`)], {
      env: {
        ...process.env,
        KAFKA_BROKERS,
        DATABASE_URL,
        LOG_LEVEL: 'info',
        [PORT_VARIABLE[this.service]]: String(this.port),
        NORMALISE_GROUP_ID: `${this.name}-normalise`,
        DEDUPE_GROUP_ID: `${this.name}-dedupe`,
        PUBLISH_GROUP_ID: `${this.name}-publish`,
        ...this.extraEnv,
      },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.child = child;
    return child;
  }
}

/**
 * Runs the services as separate processes (ports from `basePort` on, in the order ingest,
 * normalise, dedupe, publish) and waits until every one is ready.
 */
export async function startServices(
  name: string,
  basePort: number,
  extraEnv: Record<string, string> = {},
  services: ServiceName[] = [...SERVICES],
): Promise<RunningStack> {
  const processes = services.map((service) => new ServiceProcess(service, name, basePort + SERVICES.indexOf(service), extraEnv));
  const urls = {} as Record<ServiceName, string>;
  processes.forEach((p) => (urls[p.service] = p.url));
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
  };
  try {
    await Promise.all(processes.map((p) => p.start()));
  } catch (e) {
    await stop();
    throw e;
  }
  return { urls, stop };
}

/** `copydesk sources add NAME`, as a newsroom engineer would run it. */
export function addSource(name: string): { id: string; name: string; apiKey: string } {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/copydesk'), ['sources', 'add', name], {
    env: commandEnv({ DATABASE_URL }),
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

/** `copydesk consumers …`, as an operator would run it. */
export function consumersCommand(args: string[]): Promise<CommandRun> {
  return runCopydesk(['consumers', ...args], { DATABASE_URL });
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
