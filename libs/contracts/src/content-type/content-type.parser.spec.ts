import { parseContentType } from './content-type.parser';

describe('parseContentType', () => {
  it('reads the media type and the charset, both lower-case, the charset unquoted', () => {
    expect(parseContentType('Text/Plain; Charset="Windows-1252"')).toEqual({ mediaType: 'text/plain', charset: 'windows-1252' });
    expect(parseContentType('text/plain; charset="UTF-8"')).toEqual({ mediaType: 'text/plain', charset: 'utf-8' });
    expect(parseContentType('application/vnd.iptc.g2.newsitem+xml')).toEqual({ mediaType: 'application/vnd.iptc.g2.newsitem+xml' });
    expect(parseContentType('text/plain;format=flowed; charset=utf-8')).toEqual({ mediaType: 'text/plain', charset: 'utf-8' });
  });

  it('takes any RFC 9110 token as type and subtype', () => {
    expect(parseContentType('application/x-copy~draft')).toEqual({ mediaType: 'application/x-copy~draft' });
  });

  it('returns no media type for absent or unreadable values, and still reads a charset after one', () => {
    expect(parseContentType(undefined)).toEqual({});
    expect(parseContentType('')).toEqual({});
    expect(parseContentType('garbage')).toEqual({});
    expect(parseContentType('not a type')).toEqual({});
    expect(parseContentType('text/plain extra')).toEqual({});
    expect(parseContentType('garbage; charset=utf-8')).toEqual({ charset: 'utf-8' });
    expect(parseContentType('text/plain; charset=""')).toEqual({ mediaType: 'text/plain' });
  });

  it('reads only the first 1024 characters of a huge value', () => {
    expect(parseContentType('x'.repeat(100_000))).toEqual({});
    expect(parseContentType(`text/plain; charset=utf-8; x=${'y'.repeat(100_000)}`)).toEqual({ mediaType: 'text/plain', charset: 'utf-8' });
  });
});
