import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../testing/repo-root';
import type { ManifestEntry } from './manifest.types';

/** The shared corpus, read in place (never copied into the repository). Test support only. */
const REPO_ROOT = repoRoot(__dirname);
export const SUPERDESK_CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus/superdesk');
export const NINJS_EXAMPLES_DIR = path.resolve(REPO_ROOT, '../shared/contracts/ninjs/examples');

/** Fixed capture time for every conformance parse. */
export const CONFORMANCE_CAPTURED_AT = new Date('2025-01-01T00:00:00Z');

// Content type as a newsroom system would send each folder's files. IPTC 7901 copy is latin-1 by definition.
const CONTENT_TYPE_BY_FOLDER: Readonly<Record<string, string>> = {
  nitf: 'application/xml',
  newsml12: 'application/xml',
  'newsml-g2': 'application/xml',
  rss: 'application/xml',
  other: 'application/xml',
  ninjs: 'application/json',
  ap: 'application/json',
  anpa: 'text/plain',
  iptc7901: 'text/plain; charset=iso-8859-1',
  email: 'message/rfc822',
};

export function contentTypeFor(file: string): string {
  const folder = file.split('/')[0];
  return CONTENT_TYPE_BY_FOLDER[folder] ?? 'application/octet-stream';
}

export function readCorpusFile(file: string): Buffer {
  return readFileSync(path.join(SUPERDESK_CORPUS_DIR, file));
}

export function readManifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(path.join(SUPERDESK_CORPUS_DIR, 'MANIFEST.json'), 'utf8')) as ManifestEntry[];
}
