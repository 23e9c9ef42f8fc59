import { NormalisedLines } from './normalised-lines';

describe('NormalisedLines', () => {
  it('normalises lines on demand and keeps the raw ones', () => {
    const lines = new NormalisedLines(['  \u2022 A\u00a0 point ', '', 'x']);
    expect(lines.length).toBe(3);
    expect(lines.rawAt(0)).toBe('  \u2022 A\u00a0 point ');
    expect(lines.at(0)).toBe('\u2022 A point');
    expect(lines.slice(0, 3)).toEqual(['\u2022 A point', '', 'x']);
  });
});
