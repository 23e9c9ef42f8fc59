import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CanonicalItem } from '@copydesk/contracts';
import { parseWire } from '../src/parse';
import { contentTypeFor } from './corpus-content-types';
import { repoRoot } from './repo-root';

/** The shared Superdesk corpus, read in place (never copied into the repository). Test support only. */
const SUPERDESK_CORPUS_DIR = path.resolve(repoRoot(__dirname), '../shared/corpus/superdesk');

/** The items of the corpus file `<folder>/<name>`, parsed with its folder's content type. */
export function parseSuperdeskFile(file: string): CanonicalItem[] {
  return parseWire({
    body: readFileSync(path.join(SUPERDESK_CORPUS_DIR, file)),
    contentType: contentTypeFor(file),
    capturedAt: new Date('2025-01-01T00:00:00Z'),
  }).items;
}
