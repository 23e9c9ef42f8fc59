import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './repo-root';

/** The shared corpus, read in place (never copied into the repository). Test support only: outside src/, so never built or exported. */
const REPO_ROOT = repoRoot(__dirname);
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');
export const SEED_PAGE_PATH = path.join(CORPUS_DIR, 'seed/000_3dd1195f19a70900.txt');

export function readSeedPage(): Buffer {
  return readFileSync(SEED_PAGE_PATH);
}

export const SEED_CAPTURED_AT = new Date('2025-03-21T10:00:00Z');
