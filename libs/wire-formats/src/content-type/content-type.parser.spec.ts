import { parseContentType } from './content-type.parser';

describe('parseContentType', () => {
  it('reads the media type and charset', () => {
    expect(parseContentType('Text/Plain; Charset="windows-1252"')).toEqual({ mediaType: 'text/plain', charset: 'windows-1252' });
    expect(parseContentType('application/vnd.iptc.g2.newsitem+xml')).toEqual({ mediaType: 'application/vnd.iptc.g2.newsitem+xml' });
    expect(parseContentType('text/plain;format=flowed; charset=utf-8')).toEqual({ mediaType: 'text/plain', charset: 'utf-8' });
  });

  it('returns nothing for absent or unreadable headers', () => {
    expect(parseContentType(undefined)).toEqual({});
    expect(parseContentType('')).toEqual({});
    expect(parseContentType('garbage')).toEqual({});
    expect(parseContentType('x'.repeat(100_000))).toEqual({});
  });
});
