import { hasInnerBlankLine, paragraphsByBlankLine, paragraphsByLine } from './paragraphs';

describe('paragraphsByLine', () => {
  it('makes one paragraph per line, blank lines or not', () => {
    expect(paragraphsByLine(['One.', 'Two.', '', 'Three.', '', ''])).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('joins a hard-wrapped continuation', () => {
    expect(paragraphsByLine(['The rebels took', 'the town.', 'Next one.'])).toEqual(['The rebels took the town.', 'Next one.']);
    expect(paragraphsByLine(['The end.', 'iPhone sales rose.'])).toEqual(['The end.', 'iPhone sales rose.']);
    expect(paragraphsByLine(['The rebels took', '', 'the town.'])).toEqual(['The rebels took', 'the town.']);
  });
});

describe('paragraphsByBlankLine', () => {
  it('joins the lines of each block', () => {
    expect(paragraphsByBlankLine(['', 'One', 'more.', '', '', 'Two.'])).toEqual(['One more.', 'Two.']);
    expect(paragraphsByBlankLine([])).toEqual([]);
  });
});

describe('hasInnerBlankLine', () => {
  it('ignores leading and trailing blank lines', () => {
    expect(hasInnerBlankLine(['', 'a', 'b', '', ''])).toBe(false);
    expect(hasInnerBlankLine(['a', '', 'b'])).toBe(true);
    expect(hasInnerBlankLine(['', ''])).toBe(false);
  });
});
