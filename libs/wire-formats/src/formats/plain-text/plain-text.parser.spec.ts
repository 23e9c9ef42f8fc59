import type { FormatParseContext } from '../wire-format-handler.types';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { parsePlainText } from './plain-text.parser';

const ctx: FormatParseContext = { capturedAt: new Date('2025-03-21T10:00:00Z'), timeZone: 'UTC', maxLineChars: 1000 };

describe('parsePlainText', () => {
  it('takes the first line as headline and blank-separated blocks as paragraphs', () => {
    const [item] = parsePlainText('\n  Quake\u00a0hits Taiwan\n\nTAIPEI: A strong quake\nshook the island.\n\nNo damage was reported.\n', ctx);
    expect(item).toMatchObject({
      format: 'plain-text',
      headline: 'Quake hits Taiwan',
      dateline: 'TAIPEI',
      summary: [],
      body: [
        { kind: 'paragraph', text: 'A strong quake shook the island.' },
        { kind: 'paragraph', text: 'No damage was reported.' },
      ],
      pubStatus: 'usable',
      signals: [],
      subjects: [],
      media: [],
      wire: {},
    });
    expect(item.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('makes one paragraph per line without blank lines, and reads bullets', () => {
    const [item] = parsePlainText('Headline\n\u2022 Point\nOne.\nTwo.', ctx);
    expect(item.summary).toEqual(['Point']);
    expect(item.body.map((b) => b.text)).toEqual(['One.', 'Two.']);
  });

  it('keeps a headline-only flash', () => {
    expect(parsePlainText('FLASH: quake\n', ctx)[0]).toMatchObject({ headline: 'FLASH: quake', body: [] });
  });

  it('returns no item for blank text and rejects over-long lines', () => {
    expect(parsePlainText(' \n\n', ctx)).toEqual([]);
    expect(() => parsePlainText('x'.repeat(1001), ctx)).toThrow(expect.objectContaining({ code: WireFormatErrorCode.MALFORMED_INPUT }));
  });
});
