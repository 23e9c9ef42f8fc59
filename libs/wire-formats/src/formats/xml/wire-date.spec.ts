import { parseWireDate } from './wire-date';

describe('parseWireDate', () => {
  it.each([
    ['2016-10-21T16:25:32-05:00', '2016-10-21T21:25:32.000Z'],
    ['2013-03-01T15:09:04.000Z', '2013-03-01T15:09:04.000Z'],
    ['  2018-10-12T06:42:04Z ', '2018-10-12T06:42:04.000Z'],
    ['2017-10-11T10:41:00+0100', '2017-10-11T09:41:00.000Z'],
    ['2016-04-13 04:52:21+00:00', '2016-04-13T04:52:21.000Z'],
    ['20131020T192751+1100', '2013-10-20T08:27:51.000Z'],
    ['20151210T191044Z', '2015-12-10T19:10:44.000Z'],
    ['Mon, 29 Jul 2013 16:03:54 +0000', '2013-07-29T16:03:54.000Z'],
    ['Sat, 02 Dec 2017 15:43:50 GMT', '2017-12-02T15:43:50.000Z'],
    ['2 Dec 2017 10:43 EST', '2017-12-02T15:43:00.000Z'],
    ['2018-01-01', '2018-01-01T00:00:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseWireDate(text)).toBe(iso);
  });

  it('reads times without a zone as wall-clock time in the given zone, minding daylight saving', () => {
    expect(parseWireDate('20141126T152703')).toBe('2014-11-26T15:27:03.000Z');
    expect(parseWireDate('2018-01-01T12:00:00', 'Europe/Helsinki')).toBe('2018-01-01T10:00:00.000Z');
    expect(parseWireDate('2018-08-01T12:00:00', 'Europe/Helsinki')).toBe('2018-08-01T09:00:00.000Z');
  });

  it.each([[undefined], [''], ['yesterday'], ['2018-13-01'], ['x'.repeat(100)], ['2018-01-01T12:00:00'], ['Mon, 29 Foo 2013 16:03:54 +0000']])(
    'gives undefined for %p (or an unknown zone)',
    (text) => {
      expect(parseWireDate(text, text === '2018-01-01T12:00:00' ? 'Not/AZone' : 'UTC')).toBeUndefined();
    },
  );
});
