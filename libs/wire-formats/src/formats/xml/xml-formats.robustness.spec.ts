import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { isWireFormatError } from '../../errors/wire-format.error';
import { parseWire } from '../../parse';

const CORPUS = resolve(__dirname, '../../../../..', '../shared/corpus/superdesk');
const samples = ['nitf', 'newsml12', 'newsml-g2', 'rss'].flatMap((folder) =>
  readdirSync(join(CORPUS, folder))
    .filter((file) => file.endsWith('.xml'))
    .map((file) => readFileSync(join(CORPUS, folder, file), 'utf8')),
);

/** Parses or fails with a WireFormatError; anything else (a TypeError, a hang) is a bug. */
function parsesOrRefuses(text: string): void {
  try {
    parseWire({ body: Buffer.from(text), capturedAt: new Date('2026-01-01T00:00:00Z') });
  } catch (error) {
    if (!isWireFormatError(error)) throw error;
  }
}

describe('XML formats on damaged input', () => {
  it('has samples', () => {
    expect(samples.length).toBeGreaterThan(50);
  });

  it('only ever refuses with a WireFormatError when a corpus file is cut short or spliced', () => {
    fc.assert(
      fc.property(
        fc.nat(samples.length - 1),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.string({ maxLength: 20 }),
        (index, cut, splice, junk) => {
          const sample = samples[index];
          parsesOrRefuses(sample.slice(0, Math.floor(sample.length * cut)));
          const at = Math.floor(sample.length * splice);
          parsesOrRefuses(sample.slice(0, at) + junk + sample.slice(at));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads elements a handler does not expect in any place without failing', () => {
    const odd = '<x a="1"><p>t</p><headline>h</headline><nitf/></x>';
    for (const sample of samples) {
      const at = sample.indexOf('>', sample.indexOf('<', sample.indexOf('?>') + 2)) + 1;
      parsesOrRefuses(sample.slice(0, at) + odd + sample.slice(at));
    }
  });
});

describe('XML formats at scale', () => {
  it('reads a paragraph of many lines and deeply nested escaped HTML without exhausting the stack', () => {
    const lines = `<nitf><body><body.content><p>${'a line of copy\n'.repeat(200_000)}</p></body.content></body></nitf>`;
    expect(parseWire({ body: Buffer.from(lines), capturedAt: new Date() }).items[0].body).toHaveLength(1);
    const nested = `<rss version="2.0"><channel><item><title>T</title><description>${'&lt;div&gt;'.repeat(50_000)}deep</description></item></channel></rss>`;
    expect(parseWire({ body: Buffer.from(nested), capturedAt: new Date() }).items[0].body).toEqual([{ kind: 'paragraph', text: 'deep' }]);
  });
});
