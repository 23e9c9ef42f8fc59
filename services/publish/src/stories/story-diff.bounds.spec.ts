import { performance } from 'node:perf_hooks';
import { NinjsDocument } from '../events/ninjs.mapper';
import { boundedDiff, DiffSegment, diffStories, DIFF_LIMITS } from './story-diff';

/** `count` words from a fixed pseudo-random sequence: two seeds give two texts that share almost nothing in order. */
function words(count: number, seed: number): string {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return `w${x % 5000}`;
  }).join(' ');
}

const paragraphs = (count: number, seed: number) => Array.from({ length: count }, (_, i) => words(40, seed * 1000 + i)).join('\n\n');
const rebuilds = (segments: DiffSegment[], from: string, to: string) => {
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
};
const body = (value: string): NinjsDocument => ({
  uri: 'urn:copydesk:story:1',
  type: 'text',
  version: '1',
  versionCreated: '2025-03-21T09:59:56.000Z',
  pubStatus: 'usable',
  headlines: [{ role: 'main', value: 'Storm' }],
  bodies: [{ role: 'main', contentType: 'text/plain', value }],
});

/** Median of three timings of `work`, in ms. */
function medianMs(work: () => unknown): number {
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    work();
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[1];
}

describe('diff bounds', () => {
  it('compares an edited story word by word', () => {
    const from = paragraphs(30, 1);
    const to = from.replace(/w1\d /g, 'changed ');
    const diff = diffStories(body(from), body(to));
    expect(diff.granularity).toEqual({ headline: 'word', summary: 'word', body: 'word' });
    rebuilds(diff.body, from, to);
  });

  it('compares two different 2,000-word versions line by line, not word by word', () => {
    const from = paragraphs(50, 1);
    const to = paragraphs(50, 2);
    const diff = diffStories(body(from), body(to));
    expect(diff.granularity.body).toBe('line');
    expect(diff.changed).toBe(true);
    rebuilds(diff.body, from, to);
  });

  it('keeps the paragraphs that did not change when only a few did, by line', () => {
    const from = paragraphs(400, 1);
    const kept = from.split('\n\n');
    const to = kept.map((p, i) => (i % 100 === 7 ? words(40, 99_000 + i) : p)).join('\n\n');
    const { segments, granularity } = boundedDiff(from, to);
    expect(granularity).toBe('line');
    expect(segments.filter((s) => s.op === 'equal').length).toBeGreaterThanOrEqual(4);
    rebuilds(segments, from, to);
  });

  it('gives one deletion and one insertion when even lines are past the bounds', () => {
    const from = Array.from({ length: DIFF_LIMITS.lines }, (_, i) => `a${i}`).join('\n');
    const to = Array.from({ length: 10 }, (_, i) => `b${i}`).join('\n');
    expect(boundedDiff(from, to)).toEqual({
      granularity: 'whole',
      segments: [
        { op: 'delete', text: from },
        { op: 'insert', text: to },
      ],
    });
    expect(boundedDiff('', from)).toEqual({ granularity: 'whole', segments: [{ op: 'insert', text: from }] });
  });

  it('costs about the same for versions ten times longer and as different', () => {
    // Unbounded, two different 2,000-word versions took over a second, and the cost grew with the square.
    const small = [paragraphs(5, 1), paragraphs(5, 2)] as const;
    const large = [paragraphs(50, 1), paragraphs(50, 2)] as const;
    boundedDiff(...small);
    const ratio = medianMs(() => boundedDiff(...large)) / medianMs(() => boundedDiff(...small));
    expect(ratio).toBeLessThan(20);
  });
});
