import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CanonicalItem } from '@copydesk/contracts';
import { parseWire } from '../src/parse';
import { contentTypeFor } from './corpus-content-types';
import { repoRoot } from './repo-root';

const SUPERDESK_CORPUS_DIR = path.resolve(repoRoot(__dirname), '../shared/corpus/superdesk');

/** The items parsed from a file of the shared Superdesk corpus (`nitf/aap.xml`), read in place with its folder's content type. */
export function parseSuperdeskFile(file: string): CanonicalItem[] {
  const body = readFileSync(path.join(SUPERDESK_CORPUS_DIR, file));
  return parseWire({ body, contentType: contentTypeFor(file), capturedAt: new Date('2026-01-01T00:00:00Z') }).items;
}
