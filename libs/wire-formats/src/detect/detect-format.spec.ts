import type { WireFormat } from '@copydesk/contracts';
import { WireFormatErrorCode } from '../errors/wire-format-error-code.enum';
import type { FormatParseContext, PayloadFamily, WireFormatHandler } from '../formats/wire-format-handler.types';
import { detectFormat } from './detect-format';

const handler = (format: WireFormat, family: PayloadFamily, mediaTypes: string[], marker?: string): WireFormatHandler => ({
  format,
  family,
  mediaTypes,
  sniff: (text) => (marker === undefined ? true : text.includes(marker)),
  parse: () => [],
});

const HANDLERS = [
  handler('nitf', 'xml', ['application/nitf+xml'], '<nitf'),
  handler('ninjs', 'json', ['application/ninjs+json'], '"uri"'),
  handler('text-page', 'text', [], 'Updated'),
  handler('plain-text', 'text', []),
];
const ctx = (mediaType?: string): FormatParseContext => ({ capturedAt: new Date(0), timeZone: 'UTC', maxLineChars: 1000, mediaType });
const detect = (text: string, mediaType?: string) => detectFormat(text, ctx(mediaType), HANDLERS).format;

describe('detectFormat', () => {
  it('takes a handler that names the media type', () => {
    expect(detect('anything', 'application/nitf+xml')).toBe('nitf');
  });

  it('sniffs generic types within the family of the body', () => {
    expect(detect('<nitf><head/></nitf>', 'text/plain')).toBe('nitf');
    expect(detect('{"uri": "x"}')).toBe('ninjs');
    expect(detect('Story\nUpdated 4 sec ago', 'text/plain')).toBe('text-page');
    expect(detect('Headline\n\nBody')).toBe('plain-text');
  });

  it('never hands XML or JSON to a text handler', () => {
    expect(() => detect('<rss/>', 'application/rss+xml')).toThrow(expect.objectContaining({ code: WireFormatErrorCode.UNKNOWN_FORMAT }));
    expect(() => detect('<rss/>')).toThrow(expect.objectContaining({ code: WireFormatErrorCode.UNKNOWN_FORMAT }));
    expect(() => detect('Headline', 'application/json')).toThrow(expect.objectContaining({ code: WireFormatErrorCode.UNKNOWN_FORMAT }));
  });

  it('refuses unsupported content types', () => {
    expect(() => detect('Headline', 'image/png')).toThrow(
      expect.objectContaining({ code: WireFormatErrorCode.UNKNOWN_FORMAT, details: { mediaType: 'image/png' } }),
    );
  });
});
