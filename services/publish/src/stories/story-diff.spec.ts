import fc from 'fast-check';
import { NinjsDocument } from '../events/ninjs.mapper';
import { diffStories, diffText } from './story-diff';

const doc = (headline: string, summary: string[], body: string): NinjsDocument => ({
  uri: 'urn:copydesk:story:1',
  type: 'text',
  version: '1',
  versionCreated: '2025-03-21T09:59:56.000Z',
  pubStatus: 'usable',
  headlines: [{ role: 'main', value: headline }],
  descriptions: summary.map((value) => ({ role: 'summary', contentType: 'text/plain', value })),
  bodies: [
    { role: 'main', contentType: 'text/plain', value: body },
    { role: 'main', contentType: 'text/html', value: `<p>${body}</p>` },
  ],
});

describe('diffText', () => {
  it('marks inserted and deleted words in reading order', () => {
    expect(diffText('Trump says US will sign minerals deal', 'Trump says US signed minerals deal today')).toEqual([
      { op: 'equal', text: 'Trump says US ' },
      { op: 'delete', text: 'will sign ' },
      { op: 'insert', text: 'signed ' },
      { op: 'equal', text: 'minerals deal' },
      { op: 'insert', text: ' today' },
    ]);
  });

  it('gives one equal run for equal text and nothing for two empty texts', () => {
    expect(diffText('same words', 'same words')).toEqual([{ op: 'equal', text: 'same words' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('rebuilds both texts from its runs', () => {
    const from = 'SEOUL: Kishida met Yoon.\n\nThey agreed.';
    const to = 'SEOUL: Kishida and Yoon met on Friday.\n\nThey agreed to talk.';
    const segments = diffText(from, to);
    expect(
      segments
        .filter((s) => s.op !== 'insert')
        .map((s) => s.text)
        .join(''),
    ).toBe(from);
    expect(
      segments
        .filter((s) => s.op !== 'delete')
        .map((s) => s.text)
        .join(''),
    ).toBe(to);
  });

  it('rebuilds any two texts, and never leaves two runs of the same kind side by side', () => {
    const text = fc.array(fc.constantFrom('Kishida', 'Yoon', 'met', 'in', 'Seoul', '.', ',', ' ', '\n\n', '  '), { maxLength: 30 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (from, to) => {
        const segments = diffText(from, to);
        expect(
          segments
            .filter((s) => s.op !== 'insert')
            .map((s) => s.text)
            .join(''),
        ).toBe(from);
        expect(
          segments
            .filter((s) => s.op !== 'delete')
            .map((s) => s.text)
            .join(''),
        ).toBe(to);
        segments.forEach((s, i) => {
          expect(s.text.length).toBeGreaterThan(0);
          if (i > 0) expect(segments[i - 1].op).not.toBe(s.op);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('diffStories', () => {
  it('diffs headline, summary and body, and says whether anything changed', () => {
    const a = doc('Macron calls summit', ['One'], 'Body text.');
    const b = doc('Macron calls Paris summit', ['One', 'Two'], 'Body text.');
    const d = diffStories(a, b);
    expect(d.changed).toBe(true);
    expect(d.headline).toEqual([
      { op: 'equal', text: 'Macron calls ' },
      { op: 'insert', text: 'Paris ' },
      { op: 'equal', text: 'summit' },
    ]);
    expect(d.summary).toEqual([
      { op: 'equal', text: 'One' },
      { op: 'insert', text: '\nTwo' },
    ]);
    expect(d.body).toEqual([{ op: 'equal', text: 'Body text.' }]);
    expect(diffStories(a, a).changed).toBe(false);
  });
});
