import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { CommandRun, runCopydesk } from './copydesk-command';
import { DATABASE_URL, KAFKA_BROKERS, ROOT } from './env';
import { RunningStack } from './service-processes';

/** `copydesk users …`, as an operator would run it. */
export function usersCommand(args: string[]): Promise<CommandRun> {
  return runCopydesk(['users', ...args], { DATABASE_URL });
}

/** `copydesk users add NAME --role ROLE`: the generated password. */
export async function addUser(username: string, role: 'viewer' | 'operator' | 'admin'): Promise<{ username: string; password: string }> {
  const r = await usersCommand(['add', username, '--role', role]);
  if (r.status !== 0) throw new Error(`copydesk users add failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim());
}

/**
 * The console from the build output as a process, watching a stack started by `startServices`
 * (its stages' addresses and consumer groups), and waits until it answers ready.
 */
export async function startConsole(
  name: string,
  port: number,
  stack: RunningStack,
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const logDir = path.join(ROOT, 'tmp', 'e2e-logs', name);
  mkdirSync(logDir, { recursive: true });
  // Written by the child itself, not piped through this process (see ServiceProcess.spawn).
  const log = openSync(path.join(logDir, 'console.log'), 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'tools/register-paths.js'), path.join(ROOT, 'dist/services/console/src/main.js')],
    {
      env: {
        ...process.env,
        KAFKA_BROKERS,
        DATABASE_URL,
        LOG_LEVEL: 'info',
        CONSOLE_PORT: String(port),
        INGEST_URL: stack.urls.ingest,
        NORMALISE_URL: stack.urls.normalise,
        DEDUPE_URL: stack.urls.dedupe,
        PUBLISH_URL: stack.urls.publish,
        NORMALISE_GROUP_ID: `${name}-normalise`,
        DEDUPE_GROUP_ID: `${name}-dedupe`,
        PUBLISH_GROUP_ID: `${name}-publish`,
        ...extraEnv,
      },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const end = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the console exited with ${child.exitCode} (see tmp/e2e-logs/${name}/console.log)`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > end) {
      await stop();
      throw new Error('the console did not become ready');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
