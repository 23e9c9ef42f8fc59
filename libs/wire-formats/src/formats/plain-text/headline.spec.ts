import { MAX_HEADLINE_LENGTH, shortenHeadline } from './headline';

describe('shortenHeadline', () => {
  it('keeps a headline-sized line', () => {
    expect(shortenHeadline('Quake hits Taiwan')).toEqual({ headline: 'Quake hits Taiwan' });
  });

  it('takes the first sentence of a long line and keeps the line', () => {
    const line = `Quake hits Taiwan. ${'More words here. '.repeat(30)}`.trim();
    expect(line.length).toBeGreaterThan(MAX_HEADLINE_LENGTH);
    expect(shortenHeadline(line)).toEqual({ headline: 'Quake hits Taiwan.', overflow: line });
  });

  it('cuts at a word boundary when there is no sentence end', () => {
    const line = 'word '.repeat(100).trim();
    const { headline, overflow } = shortenHeadline(line);
    expect(headline.endsWith('word\u2026')).toBe(true);
    expect(headline.length).toBeLessThanOrEqual(201);
    expect(overflow).toBe(line);
    expect(shortenHeadline('x'.repeat(1000)).headline).toBe(`${'x'.repeat(200)}\u2026`);
  });
});
