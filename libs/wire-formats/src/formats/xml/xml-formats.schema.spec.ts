import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CanonicalItemSchema, SchemaValidator } from '@copydesk/contracts';
import { parseWire } from '../../parse';

const CORPUS = resolve(__dirname, '../../../../..', '../shared/corpus');

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? xmlFiles(path) : name.endsWith('.xml') ? [path] : [];
  });
}

const files = [
  ...['nitf', 'newsml12', 'newsml-g2', 'rss'].flatMap((folder) => xmlFiles(join(CORPUS, 'superdesk', folder))),
  ...xmlFiles(join(CORPUS, 'newsml-g2')),
];

describe('items parsed from XML', () => {
  const validator = new SchemaValidator(CanonicalItemSchema);

  it.each(files.map((path) => [path.slice(CORPUS.length + 1), path]))('%s gives items that meet the canonical item schema', (_name, path) => {
    const { items } = parseWire({ body: readFileSync(path), capturedAt: new Date('2026-01-01T00:00:00Z') });
    for (const item of items) {
      expect(validator.issues(item, 'value')).toEqual([]);
    }
  });
});
