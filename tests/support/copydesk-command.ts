import { spawn } from 'node:child_process';
import path from 'node:path';
import { commandEnv, ROOT } from './env';

/** What a run of the `copydesk` command gave: exit status, output and errors. */
export interface CommandRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `copydesk …` as a person runs it, with `env` added to the test's environment. Run
 * asynchronously, so the test's own connections (keep-alive timers) go on meanwhile.
 */
export function runCopydesk(args: string[], env: Record<string, string> = {}): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/copydesk'), args, { env: commandEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
