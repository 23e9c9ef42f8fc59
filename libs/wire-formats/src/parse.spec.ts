import { randomBytes } from 'node:crypto';
import { parseWire } from './parse';
import { WireFormatError } from './errors/wire-format.error';
import { WireFormatErrorCode } from './errors/wire-format-error-code.enum';
import { readSeedPage, SEED_CAPTURED_AT } from '../testing/seed-corpus';

const capturedAt = SEED_CAPTURED_AT;
const parse = (body: Buffer | string, contentType?: string, options?: Parameters<typeof parseWire>[0]['options']) =>
  parseWire({ body: typeof body === 'string' ? Buffer.from(body) : body, contentType, capturedAt, options });
const failsWith = (code: WireFormatErrorCode, run: () => unknown) => {
  expect(run).toThrow(WireFormatError);
  expect(run).toThrow(expect.objectContaining({ code }));
};

describe('parseWire', () => {
  it('parses the seed page with or without a content type', () => {
    expect(parse(readSeedPage()).items).toHaveLength(6);
    expect(parse(readSeedPage(), 'text/plain').format).toBe('text-page');
    expect(parse(readSeedPage(), 'application/octet-stream').format).toBe('text-page');
  });

  it('falls back to plain text', () => {
    expect(parse('Quake hits Taiwan\n\nTAIPEI: A strong quake shook the island.', 'text/plain; charset=utf-8')).toMatchObject({
      format: 'plain-text',
      charset: 'utf-8',
      items: [{ headline: 'Quake hits Taiwan', dateline: 'TAIPEI', body: [{ kind: 'paragraph', text: 'A strong quake shook the island.' }] }],
    });
  });

  it('rejects an empty or whitespace-only body', () => {
    failsWith(WireFormatErrorCode.EMPTY_BODY, () => parse(Buffer.alloc(0)));
    failsWith(WireFormatErrorCode.EMPTY_BODY, () => parse(' \r\n\t\u00a0\n'));
    failsWith(WireFormatErrorCode.EMPTY_BODY, () => parse(Buffer.from([0xef, 0xbb, 0xbf])));
  });

  it('rejects binary garbage', () => {
    const noise = randomBytes(64 * 1024);
    failsWith(WireFormatErrorCode.UNKNOWN_FORMAT, () => parse(noise));
    failsWith(WireFormatErrorCode.UNKNOWN_FORMAT, () => parse(noise, 'text/plain'));
    failsWith(WireFormatErrorCode.UNKNOWN_FORMAT, () => parse(Buffer.from('Headline\u0000\u0000\u0000binary')));
  });

  it('hands XML and JSON to their format handlers, by content type or by sniffing', () => {
    expect(parse('{"uri":"urn:x","headline":"Hi"}', 'application/json').items[0]).toMatchObject({ format: 'ninjs', headline: 'Hi', wire: { guid: 'urn:x' } });
    expect(parse('{"uri":"urn:x","headline":"Hi"}', 'text/plain').format).toBe('ninjs');
    failsWith(WireFormatErrorCode.NO_STORIES, () => parse('<?xml version="1.0"?><nitf><head/></nitf>', 'application/xml'));
    failsWith(WireFormatErrorCode.NO_STORIES, () => parse('<rss version="2.0"><channel/></rss>'));
  });

  it('clamps item times after the capture time, so no source can date its copy into the future', () => {
    const ninjs = JSON.stringify({ uri: 'urn:x', headline: 'Hi', versioncreated: '2099-01-01T00:00:00Z', firstcreated: '2025-03-21T09:00:00Z' });
    expect(parse(ninjs, 'application/json').items[0]).toMatchObject({ versionCreated: capturedAt.toISOString(), firstCreated: '2025-03-21T09:00:00.000Z' });
    expect(parse(ninjs, 'application/json', { futureToleranceMs: 100 * 365 * 86_400_000 }).items[0].versionCreated).toBe('2099-01-01T00:00:00.000Z');
  });

  it('rejects content types no handler takes', () => {
    failsWith(WireFormatErrorCode.UNKNOWN_FORMAT, () => parse('Headline', 'image/jpeg'));
    failsWith(WireFormatErrorCode.UNKNOWN_FORMAT, () => parse('<html><body>Hi</body></html>', 'text/html'));
  });

  it('rejects an unsupported declared charset', () => {
    failsWith(WireFormatErrorCode.UNSUPPORTED_ENCODING, () => parse('Headline', 'text/plain; charset=x-klingon'));
  });

  it('rejects a body over the size limit before decoding it', () => {
    const run = () => parse('Headline\n\nBody.', undefined, { maxBytes: 10 });
    failsWith(WireFormatErrorCode.TOO_LARGE, run);
    expect(run).toThrow(expect.objectContaining({ details: { size: 15, limit: 10 } }));
  });

  it('rejects an invalid capture time', () => {
    expect(() => parseWire({ body: Buffer.from('Headline'), capturedAt: new Date('nope') })).toThrow(
      expect.objectContaining({ code: WireFormatErrorCode.INVALID_ARGUMENT }),
    );
  });

  it('applies the time zone option to dated labels', () => {
    const page = 'Floods hit north\n\nFloods hit north\nUpdated 06 September 2024\nFollow\n\nFloods hit north\n\nLONDON: Rivers rose.';
    expect(parse(page, undefined, { timeZone: 'Asia/Seoul' }).items[0].sourceUpdated).toEqual({
      at: '2024-09-05T15:00:00.000Z',
      precision: 'day',
    });
  });

  describe('on a 20 MB single line', () => {
    const line = Buffer.alloc(20 * 1024 * 1024, 'word ');

    it('refuses it as malformed text with the default line limit', () => {
      const run = () => parse(line);
      expect(run).toThrow(
        expect.objectContaining({ code: WireFormatErrorCode.MALFORMED_INPUT, details: expect.objectContaining({ reason: 'line-too-long', line: 1 }) }),
      );
    });

    it('reads it as one plain-text item when the limit allows it', () => {
      const { format, items } = parse(line, 'text/plain', { maxLineChars: 32 * 1024 * 1024 });
      expect(format).toBe('plain-text');
      expect(items).toHaveLength(1);
      expect(items[0].headline.length).toBeLessThanOrEqual(201);
      expect(items[0].body[0].text.length).toBe(20 * 1024 * 1024 - 1);
    });

    it('handles a 20 MB line of a repeated label without backtracking', () => {
      const labels = Buffer.alloc(20 * 1024 * 1024, 'Updated 4 sec ago ');
      failsWith(WireFormatErrorCode.MALFORMED_INPUT, () => parse(labels));
    });
  });

  it('handles many short furniture lines in linear time', () => {
    const lines = 'Updated 4 sec ago\nFollow\nShort Url\nx\n'.repeat(50_000);
    expect(parse(`Headline\n${lines}`).items.length).toBeGreaterThan(0);
  });
});

describe('parseWire and NUL characters', () => {
  it('never lets a NUL escaped in JSON or framed agency copy reach the item', () => {
    const ninjs = JSON.stringify({ uri: 'urn:x:\u0000a', headline: 'Storm\u0000 hits', body_text: 'First\u0000 line.', byline: '\u0000By Ann' });
    const anpa = `\u0016\u0016\u0001W1234\u001fasian\nb a BC-Storm   03-12 0420\n\u0002^Storm<\n${'x'.repeat(70_000)}\n\t   MIAMI (AP) _ Text\u0000 here.\n\u0003\n\u0004`;
    for (const [body, type] of [
      [ninjs, 'application/json'],
      [anpa, 'text/plain'],
    ] as const) {
      const { items } = parse(body, type);
      expect(items.length).toBeGreaterThan(0);
      expect(JSON.stringify(items)).not.toContain('\\u0000');
    }
  });
});
