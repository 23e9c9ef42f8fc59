import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { contentTypeFor, WIRE_CORPUS_FOLDERS } from '@copydesk/wire-formats/testing';

export interface BenchInput {
  file: string;
  body: Buffer;
  contentType: string;
}

/** Every wire file of the shared corpus, read in place; e-mail is not a wire format and is left out. */
export function loadCorpus(repoRoot: string): BenchInput[] {
  const dir = path.resolve(repoRoot, '../shared/corpus/superdesk');
  return readdirSync(dir)
    .filter((folder) => WIRE_CORPUS_FOLDERS.includes(folder) && statSync(path.join(dir, folder)).isDirectory())
    .flatMap((folder) =>
      readdirSync(path.join(dir, folder)).map((name) => ({
        file: `${folder}/${name}`,
        body: readFileSync(path.join(dir, folder, name)),
        contentType: contentTypeFor(`${folder}/${name}`),
      })),
    );
}
