import { expectedBodyRegex, expectedBodyText, expectedCode, expectedInstant } from './expected-value';

describe('expected values', () => {
  it('turns expected HTML into text, dropping rendered format codes', () => {
    expect(expectedBodyText('<p>One &amp; two</p><p> </p>')).toBe('One & two');
    expect(expectedBodyText('%08Baltimore;23')).toBe('Baltimore;23');
  });

  it('rewrites an HTML regex to run over text', () => {
    expect(expectedBodyRegex('^<p></p><p>Negotiations').test('Negotiations between')).toBe(true);
    expect(expectedBodyRegex('^\n   Berlin').test('Berlin (dpa) -')).toBe(true);
  });

  it('reads codes and signals', () => {
    expect(expectedCode({ qcode: '04000000', name: 'economy' })).toBe('04000000');
    expect(expectedCode({ name: 'sig:update', qcode: 'sig:update' })).toBe('update');
    expect(expectedCode('edStat:C')).toBe('correction');
  });

  it('reads instants, naive ones in the given zone', () => {
    expect(expectedInstant('2013-11-13T15:09:00+00:00', 'UTC')).toBe(Date.parse('2013-11-13T15:09:00Z'));
    expect(expectedInstant('20141126T152703', 'UTC')).toBe(Date.parse('2014-11-26T15:27:03Z'));
    expect(expectedInstant('2018-08-01T12:00:00', 'Europe/Helsinki')).toBe(Date.parse('2018-08-01T09:00:00Z'));
    expect(expectedInstant('2018-01-01T12:00:00', 'Europe/Helsinki')).toBe(Date.parse('2018-01-01T10:00:00Z'));
  });
});
