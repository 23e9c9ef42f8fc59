import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_URL, KAFKA_BROKERS, ROOT } from '../support/env';

/** The publish service alone, as a process the test can kill with SIGKILL and start again. */
export class PublishProcess {
  private child: ChildProcess | undefined;
  private starts = 0;
  readonly url: string;

  constructor(
    private readonly name: string,
    private readonly port: number,
    private readonly env: Record<string, string> = {},
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const logDir = path.join(ROOT, 'tmp', 'e2e-logs', this.name);
    mkdirSync(logDir, { recursive: true });
    const log = createWriteStream(path.join(logDir, `publish-${++this.starts}.log`));
    const child = spawn(process.execPath, ['-r', path.join(ROOT, 'tools/register-paths.js'), path.join(ROOT, 'dist/services/publish/src/main.js')], {
      env: { ...process.env, KAFKA_BROKERS, DATABASE_URL, LOG_LEVEL: 'info', PUBLISH_PORT: String(this.port), PUBLISH_GROUP_ID: `${this.name}-publish`, KAFKA_SESSION_TIMEOUT_MS: '6000', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    const end = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`publish exited with ${child.exitCode} (see tmp/e2e-logs/${this.name})`);
      try {
        if ((await fetch(`${this.url}/health/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > end) throw new Error('publish did not become ready');
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
}
