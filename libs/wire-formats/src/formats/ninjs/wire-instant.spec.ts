import { toIsoInstant } from './wire-instant';

describe('toIsoInstant', () => {
  it.each([
    ['2017-08-24T04:38:34+0000', '2017-08-24T04:38:34.000Z'],
    ['2019-06-23T06:06:29Z', '2019-06-23T06:06:29.000Z'],
    ['2016-10-21T16:25:32-05:00', '2016-10-21T21:25:32.000Z'],
    ['2018-05-30T15:14:24', '2018-05-30T15:14:24.000Z'],
    ['2018-01-30T16:32:18.397000+00:00', '2018-01-30T16:32:18.397Z'],
    ['2023-07-11', '2023-07-11T00:00:00.000Z'],
  ])('reads %s', (value, instant) => {
    expect(toIsoInstant(value)).toBe(instant);
  });

  it.each([['yesterday'], ['2017-13-45T99:00:00Z'], [''], [42], [null]])('refuses %p', (value) => {
    expect(toIsoInstant(value)).toBeUndefined();
  });
});
