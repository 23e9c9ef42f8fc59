import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseWire } from '../../parse';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';

const ROOT = resolve(__dirname, '../../../../..', '../shared/corpus/newsml-g2');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const all = files(ROOT).filter((path) => /\.(xml|xsd)$/.test(path));
const parse = (path: string) => parseWire({ body: readFileSync(path), capturedAt: new Date('2026-01-01T00:00:00Z') });

describe('the NewsML-G2 sample corpus', () => {
  it('has files to read', () => {
    expect(all.length).toBeGreaterThanOrEqual(16);
  });

  it.each(all.filter((path) => path.endsWith('.xml')).map((path) => [relative(ROOT, path), path]))('parses %s', (_name, path) => {
    const result = parse(path);
    expect(result.format).toBe('newsml-g2');
    for (const item of result.items) {
      expect(item.wire.guid).toBeTruthy();
      expect(item.wire.version).toBeTruthy();
    }
  });

  it.each(all.filter((path) => path.endsWith('.xsd')).map((path) => [relative(ROOT, path), path]))('refuses the schema %s as no news format', (_name, path) => {
    expect(() => parse(path)).toThrow(expect.objectContaining({ code: WireFormatErrorCode.UNKNOWN_FORMAT }));
  });
});
