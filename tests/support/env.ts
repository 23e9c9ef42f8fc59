import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(dir: string): string {
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (nx.json)');
    dir = up;
  }
  return dir;
}

/** The broker and database the suites run against (`npm test` sets both). */
export const ROOT = findRoot(__dirname);
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/copydesk';
export const brokers = (): string[] => KAFKA_BROKERS.split(',');
