import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface BenchInput {
  file: string;
  body: Buffer;
  contentType: string;
}

// As a newsroom system would label each folder's files (IPTC 7901 is latin-1 by definition).
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
};

/** Every wire file of the shared corpus, read in place; e-mail is not a wire format and is left out. */
export function loadCorpus(repoRoot: string): BenchInput[] {
  const dir = path.resolve(repoRoot, '../shared/corpus/superdesk');
  return readdirSync(dir)
    .filter((folder) => CONTENT_TYPE_BY_FOLDER[folder] !== undefined && statSync(path.join(dir, folder)).isDirectory())
    .flatMap((folder) =>
      readdirSync(path.join(dir, folder)).map((name) => ({
        file: `${folder}/${name}`,
        body: readFileSync(path.join(dir, folder, name)),
        contentType: CONTENT_TYPE_BY_FOLDER[folder],
      })),
    );
}
