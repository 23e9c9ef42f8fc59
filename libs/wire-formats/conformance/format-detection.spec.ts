import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseWire } from '../src';
import { CONFORMANCE_CAPTURED_AT, contentTypeFor, readCorpusFile, SUPERDESK_CORPUS_DIR } from './corpus-files';

// Corpus folders of the JSON and framed-text formats, and the format each file must be detected as.
const EXPECTED_FORMAT: Readonly<Record<string, string>> = {
  anpa: 'anpa1312',
  iptc7901: 'iptc7901',
  ninjs: 'ninjs',
  ap: 'ap-media',
};

const files = Object.keys(EXPECTED_FORMAT).flatMap((folder) => readdirSync(path.join(SUPERDESK_CORPUS_DIR, folder)).map((name) => `${folder}/${name}`));

describe('format detection on the corpus', () => {
  it.each(files)('detects %s from its content type and by sniffing alone', (file) => {
    const expected = EXPECTED_FORMAT[file.split('/')[0]];
    const body = readCorpusFile(file);
    for (const contentType of [contentTypeFor(file), 'application/octet-stream', undefined]) {
      const result = parseWire({ body, capturedAt: CONFORMANCE_CAPTURED_AT, ...(contentType ? { contentType } : {}) });
      expect(result.format).toBe(expected);
    }
  });
});
