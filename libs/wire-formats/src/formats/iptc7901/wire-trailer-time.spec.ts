import { apTrailerTime, dpaTrailerTime } from './wire-trailer-time';

describe('trailer times', () => {
  it('reads dpa trailers, English and German months, with or without GMT', () => {
    expect(dpaTrailerTime('131137 GMT Nov 13 ')).toBe('2013-11-13T11:37:00.000Z');
    expect(dpaTrailerTime('071341 GMT Okt 15')).toBe('2015-10-07T13:41:00.000Z');
    expect(dpaTrailerTime('211259 Nov 18')).toBe('2018-11-21T12:59:00.000Z');
    expect(dpaTrailerTime('321259 Nov 18')).toBeUndefined();
    expect(dpaTrailerTime('garbage')).toBeUndefined();
  });

  it('reads AP trailers', () => {
    expect(apTrailerTime('AP-WF-11-13-13 1509GMT<')).toBe('2013-11-13T15:09:00.000Z');
    expect(apTrailerTime('AP-WF-02-30-16 0423GMT')).toBeUndefined();
  });
});
