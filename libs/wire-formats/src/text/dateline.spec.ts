import { splitDateline } from './dateline';

describe('splitDateline', () => {
  it.each([
    ['SEOUL: Japanese Prime Minister', 'SEOUL', 'Japanese Prime Minister'],
    ['GOMA: Rwanda-backed M23 rebels', 'GOMA', 'Rwanda-backed M23 rebels'],
    ['WASHINGTON, D.C.: The president', 'WASHINGTON, D.C.', 'The president'],
    ['KYIV, Ukraine: Drones struck', 'KYIV, Ukraine', 'Drones struck'],
    ['NEW YORK (Reuters) - Stocks rose', 'NEW YORK', 'Stocks rose'],
    ['RIO DE JANEIRO \u2014 Rain fell', 'RIO DE JANEIRO', 'Rain fell'],
    ['N\u2019DJAMENA: Chad said', 'N\u2019DJAMENA', 'Chad said'],
  ])('splits %p', (paragraph, dateline, rest) => {
    expect(splitDateline(paragraph)).toEqual({ dateline, rest });
  });

  it.each([
    'Kishida\u2019s final trip: a summary',
    'The rebels said: we will stay',
    'NOTE: this is not a place',
    'LOOMING ELECTION UNCERTAINTY',
    'SEOUL:',
    'US-Ukraine deal: what we know',
    `${'A '.repeat(500_000)}: x`,
  ])('leaves %p alone', (paragraph) => {
    expect(splitDateline(paragraph)).toBeNull();
  });
});
