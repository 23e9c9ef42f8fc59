import { readSeedPage, SEED_CAPTURED_AT } from '../../../testing/seed-corpus';
import type { FormatParseContext } from '../wire-format-handler.types';
import { textPageHandler } from './text-page.handler';

const ctx: FormatParseContext = { capturedAt: SEED_CAPTURED_AT, timeZone: 'UTC', maxLineChars: 1_000_000 };

describe('textPageHandler', () => {
  it('is a text handler named by no media type', () => {
    expect(textPageHandler).toMatchObject({ format: 'text-page', family: 'text', mediaTypes: [] });
  });

  it('recognises scraped pages and not ordinary copy', () => {
    expect(textPageHandler.sniff(readSeedPage().toString('utf8'), ctx)).toBe(true);
    expect(textPageHandler.sniff('Quake hits Taiwan\n\nTAIPEI: A strong quake.\nUpdated figures later.', ctx)).toBe(false);
  });
});
