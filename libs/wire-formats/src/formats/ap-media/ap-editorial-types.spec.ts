import { editorialTypeSignals } from './ap-editorial-types';

describe('editorialTypeSignals', () => {
  it('maps AP editorial types to signals and ignores the rest', () => {
    expect(editorialTypeSignals(['Writethru'])).toEqual(['update']);
    expect(editorialTypeSignals(['Correction'])).toEqual(['correction']);
    expect(editorialTypeSignals(['Kill', 'Advisory', 'newscontent'])).toEqual(['kill']);
    expect(editorialTypeSignals([])).toEqual([]);
  });
});
