import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Whether a script of the build output is there (a service command of this build). */
export function scriptExists(script: string): boolean {
  return existsSync(path.join(ROOT, 'dist', script));
}

/** Runs a script of the build output; it inherits the environment and reads its own configuration. */
export function runScript(script: string, args: readonly string[]): number {
  const result = spawnSync(process.execPath, ['-r', path.join(ROOT, 'tools', 'register-paths.js'), path.join(ROOT, 'dist', script), ...args], {
    stdio: 'inherit',
  });
  return result.status ?? 1;
}
