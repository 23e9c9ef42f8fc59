import type { FormatParseContext } from '../wire-format-handler.types';
import { looksLikeIptc7901, parseIptc7901 } from './iptc7901.parser';

const ctx: FormatParseContext = { capturedAt: new Date('2025-01-01T00:00:00Z'), timeZone: 'UTC', maxLineChars: 1_000_000 };

const copy = [
  '\u0001eca123 3 i 120 ccccb   dpa 045',
  '',
  'Germany/weather/',
  '\u0002REFILE',
  '1ST LEAD',
  'Storms sweep across northern Germany =',
  'By Max Muster, dpa =',
  '',
  '   Hamburg (dpa) - Heavy storms swept across northern',
  'Germany on Tuesday, cutting power to thousands.',
  '',
  'Trains were halted between Hamburg and Berlin.',
  '',
  'dpa abc def',
  '',
  '\u0003121530 GMT Mär 24',
  '\u0004',
].join('\n');

describe('parseIptc7901', () => {
  it('reads header, keyword, heading block, dateline, body and transmission time', () => {
    expect(looksLikeIptc7901(copy)).toBe(true);
    const [item] = parseIptc7901(copy, ctx);
    expect(item).toMatchObject({
      format: 'iptc7901',
      wire: { slug: 'Germany/weather', takeKey: 'REFILE 1ST LEAD' },
      headline: 'Storms sweep across northern Germany',
      byline: 'By Max Muster, dpa',
      dateline: 'Hamburg',
      body: [
        { kind: 'paragraph', text: 'Heavy storms swept across northern Germany on Tuesday, cutting power to thousands.' },
        { kind: 'paragraph', text: 'Trains were halted between Hamburg and Berlin.' },
      ],
      urgency: 3,
      signals: ['update'],
      versionCreated: '2024-03-12T15:30:00.000Z',
    });
    expect(item.firstCreated).toBeUndefined();
  });

  it('takes a first version without take key as first created too', () => {
    const [item] = parseIptc7901(copy.replace('REFILE\n1ST LEAD\n', ''), ctx);
    expect(item.wire.takeKey).toBeUndefined();
    expect(item.signals).toEqual([]);
    expect(item.firstCreated).toBe('2024-03-12T15:30:00.000Z');
  });

  it('does not take other text for 7901', () => {
    expect(looksLikeIptc7901('Just a line\nof text')).toBe(false);
    expect(looksLikeIptc7901('\u0001eca123 3 i 120 no STX')).toBe(false);
  });
});

describe('parseIptc7901 with several messages', () => {
  it('reads each SOH message of a batch as its own item', () => {
    const items = parseIptc7901(`${copy}\n${copy.replace('Storms sweep', 'Floods follow')}`, ctx);
    expect(items.map((item) => item.headline)).toEqual(['Storms sweep across northern Germany', 'Floods follow across northern Germany']);
  });
});
