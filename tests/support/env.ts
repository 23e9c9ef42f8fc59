import { existsSync } from 'node:fs';
import path from 'node:path';
import { brokerList, CommonConfig, loadConfig } from '@copydesk/config';

function findRoot(dir: string): string {
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (nx.json)');
    dir = up;
  }
  return dir;
}

const config = loadConfig(CommonConfig);

/** The broker and database the suites run against (`npm test` sets both). */
export const ROOT = findRoot(__dirname);
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const KAFKA_BROKERS = config.KAFKA_BROKERS;
export const DATABASE_URL = config.DATABASE_URL;
export const brokers = (): string[] => brokerList(config);

/**
 * The environment for a command run the way a person runs it (`node_modules/.bin/copydesk`,
 * whose `#!/usr/bin/env node` looks `node` up on PATH): the Node that runs this test comes first
 * on PATH, so the command runs on the same Node 24, however the test was started.
 */
export function commandEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
}
