import { WIRE_FORMATS } from '@copydesk/contracts';
import { FORMAT_HANDLERS } from './format-registry';

describe('FORMAT_HANDLERS', () => {
  it('holds each format once, all known to the contracts', () => {
    const formats = FORMAT_HANDLERS.map((handler) => handler.format);
    expect(new Set(formats).size).toBe(formats.length);
    for (const format of formats) expect(WIRE_FORMATS).toContain(format);
  });

  it('keeps the plain-text fallback last, as it accepts any text', () => {
    expect(FORMAT_HANDLERS.at(-1)?.format).toBe('plain-text');
  });

  it('lower-cases every media type', () => {
    for (const handler of FORMAT_HANDLERS) {
      for (const mediaType of handler.mediaTypes) expect(mediaType).toBe(mediaType.toLowerCase());
    }
  });
});
