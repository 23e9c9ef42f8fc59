import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../testing/repo-root';
import type { ManifestEntry } from './manifest.types';

export { contentTypeFor } from '../testing/corpus-content-types';

/** The shared corpus, read in place (never copied into the repository). Test support only. */
const REPO_ROOT = repoRoot(__dirname);
export const SUPERDESK_CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus/superdesk');
export const NINJS_EXAMPLES_DIR = path.resolve(REPO_ROOT, '../shared/contracts/ninjs/examples');

/** Fixed capture time for every conformance parse. */
export const CONFORMANCE_CAPTURED_AT = new Date('2025-01-01T00:00:00Z');

export function readCorpusFile(file: string): Buffer {
  return readFileSync(path.join(SUPERDESK_CORPUS_DIR, file));
}

export function readManifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(path.join(SUPERDESK_CORPUS_DIR, 'MANIFEST.json'), 'utf8')) as ManifestEntry[];
}
