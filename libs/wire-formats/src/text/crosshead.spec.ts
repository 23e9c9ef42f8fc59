import { isCrosshead } from './crosshead';

describe('isCrosshead', () => {
  it.each(['LOOMING ELECTION UNCERTAINTY', 'WHAT NEXT?', 'CEASEFIRE TALKS \u2018STALLED\u2019'])('accepts %p', (text) => {
    expect(isCrosshead(text)).toBe(true);
  });

  it.each([
    'Looming election uncertainty',
    'SEOUL: North Korea fired',
    'A',
    'US.',
    '12 34',
    'THIS IS A VERY LONG SHOUTED SENTENCE THAT GOES ON AND ON WELL PAST ANY CROSSHEAD LENGTH AT ALL',
  ])('rejects %p', (text) => {
    expect(isCrosshead(text)).toBe(false);
  });
});
