import { consumedTotal, partitionLags, ratePerSecond, trendOf } from './lag';

describe('lag', () => {
  const offsets = [
    { partition: 0, low: '0', high: '10' },
    { partition: 1, low: '5', high: '8' },
    { partition: 2, low: '0', high: '0' },
  ];

  it('counts what lies between the committed offset and the end, all of a partition the group never committed', () => {
    const lags = partitionLags(
      offsets,
      [
        { topic: 't', partition: 0, offset: '7' },
        { topic: 't', partition: 2, offset: '-1' },
        { topic: 'other', partition: 1, offset: '8' },
      ],
      't',
    );
    expect(lags.map((l) => [l.partition, l.lag, l.next, l.committed])).toEqual([
      [0, 3, '7', '7'],
      [1, 3, '5', null],
      [2, 0, '0', null],
    ]);
    expect(consumedTotal(lags)).toBe(7);
  });

  it('treats a committed offset below the low watermark as the low watermark', () => {
    expect(partitionLags([{ partition: 0, low: '5', high: '9' }], [{ topic: 't', partition: 0, offset: '2' }], 't')[0]).toMatchObject({ lag: 4, next: '5' });
  });

  it('makes rates and trends', () => {
    expect(ratePerSecond({ at: 0, count: 10 }, { at: 2000, count: 20 })).toBe(5);
    expect(ratePerSecond({ at: 0, count: 20 }, { at: 2000, count: 10 })).toBe(0);
    expect(ratePerSecond(undefined, { at: 2000, count: 10 })).toBe(0);
    expect([trendOf(1, 2), trendOf(2, 1), trendOf(2, 2), trendOf(null, 2)]).toEqual(['rising', 'falling', 'steady', 'steady']);
  });
});
