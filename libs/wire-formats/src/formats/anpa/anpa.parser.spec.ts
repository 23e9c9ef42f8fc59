import type { FormatParseContext } from '../wire-format-handler.types';
import { looksLikeAnpa, parseAnpa } from './anpa.parser';

const ctx: FormatParseContext = { capturedAt: new Date('2025-01-01T00:00:00Z'), timeZone: 'UTC', maxLineChars: 1_000_000 };

const story = [
  '\u0016\u0016\u0001W1234\u001fasian',
  'b a\u0013\u0011 BC-US--Storm-Coast 2ndLd-Writethru   03-12 0420',
  '\u0002^BC-US--Storm-Coast, 2nd Ld-Writethru,420<',
  '^Storm batters the coast<',
  '^AP Photo NY101<',
  '^Eds: Updates with damage.<',
  '^A storm battered the coast on Tuesday.<',
  '^By JANE ROE=',
  '^Associated Press=',
  '\t   MIAMI (AP) _ A storm battered the coast on Tuesday, officials said.',
  ' ',
  '\t   Power was cut to thousands of homes',
  'along the shore.',
  ' ',
  '\t   ___',
  '\t   DAMAGE REPORTS',
  '\t   Roofs were torn off.',
  '',
  '\t   \u0003AP-WF-03-12-24 1530GMT<',
  '\u000c',
  '\u0004',
].join('\n');

describe('parseAnpa', () => {
  it('reads header, slug line, caret headers, dateline, body and transmission time', () => {
    expect(looksLikeAnpa(story)).toBe(true);
    const [item] = parseAnpa(story, ctx);
    expect(item).toMatchObject({
      format: 'anpa1312',
      wire: { slug: 'Storm-Coast', takeKey: '2nd Ld-Writethru' },
      headline: 'Storm batters the coast',
      summary: ['A storm battered the coast on Tuesday.'],
      byline: 'By JANE ROE',
      dateline: 'MIAMI',
      body: [
        { kind: 'paragraph', text: 'A storm battered the coast on Tuesday, officials said.' },
        { kind: 'paragraph', text: 'Power was cut to thousands of homes along the shore.' },
        { kind: 'crosshead', text: 'DAMAGE REPORTS' },
        { kind: 'paragraph', text: 'Roofs were torn off.' },
      ],
      urgency: 2,
      signals: ['update'],
      versionCreated: '2024-03-12T15:30:00.000Z',
    });
    expect(item.firstCreated).toBeUndefined();
  });

  it('keeps table rows as paragraphs and takes the title from the slug line without a headline', () => {
    const table = [
      '\u0016\u0016\u0001Z0001\u001f-----',
      'r z\u0014\u0012 BC-WEA--GlobalWeather     03-12 0100',
      '\u0002^BC-WEA--Global Weather<',
      '\t   ;MIN;MAX;COND',
      '\u0008Amsterdam;42;50;rn\u0010 ',
      '\u0008Athens;60;69;pc\u0010 ',
      '\u0003AP-WF-03-12-24 0700GMT<',
    ].join('\n');
    const [item] = parseAnpa(table, ctx);
    expect(item.headline).toBe('Global Weather');
    expect(item.body.map((block) => `${block.kind}:${block.text}`)).toEqual([
      'paragraph:;MIN;MAX;COND',
      'paragraph:Amsterdam;42;50;rn',
      'paragraph:Athens;60;69;pc',
    ]);
    expect(item.firstCreated).toBe('2024-03-12T07:00:00.000Z');
  });

  it('signals a correction from a CORRECTED- headline', () => {
    const [item] = parseAnpa(
      story.replace(', 2nd Ld-Writethru', '').replace(' 2ndLd-Writethru', '').replace('^Storm batters', '^CORRECTED-Storm batters'),
      ctx,
    );
    expect(item.wire.takeKey).toBe('CORRECTED');
    expect(item.signals).toEqual(['correction']);
  });

  it('throws MALFORMED_INPUT without STX', () => {
    expect(() => parseAnpa('\u0016\u0016\u0001W1234\nno text', ctx)).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT' }));
  });
});

describe('parseAnpa with several messages', () => {
  it('reads each SYN SYN SOH message of a batch as its own item', () => {
    const items = parseAnpa(`${story}\n${story.replace('Storm batters the coast', 'Second story')}`, ctx);
    expect(items.map((item) => item.headline)).toEqual(['Storm batters the coast', 'Second story']);
  });
});
