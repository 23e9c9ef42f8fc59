import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseWire } from '../../parse';

const corpus = (file: string) => readFileSync(path.resolve(__dirname, '../../../../../../shared/corpus/superdesk/other', file));
const parse = (file: string) => parseWire({ body: corpus(file), contentType: 'application/xml', capturedAt: new Date('2025-01-01T00:00:00Z') });

describe('Ritzau RBNews', () => {
  it('reads a flash: id, version, Copenhagen time, priority, and the text standing in for the missing headline', () => {
    const { format, items } = parse('ritzau_news.xml');
    expect(format).toBe('ritzau');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      wire: { guid: '9a6955fc-11da-46b6-9903-439ebb288f2d', version: '1', slug: 'NU/FLASH-U' },
      headline: 'Hollandske forskere har "i årevis" lavet forsøg på både mennesker og dyr, hvor de har testet effekte',
      byline: '/ritzau/',
      dateline: 'Haag',
      urgency: 3,
      firstCreated: '2018-01-30T16:32:18.397Z',
      pubStatus: 'usable',
      language: 'da',
    });
    expect(items[0].body.map((b) => b.text)).toEqual([
      'Hollandske forskere har "i årevis" lavet forsøg på både mennesker og dyr, hvor de har testet effekten af at indånde udstødningsgas fra dieselbiler.',
      'Det fortæller forskerne selv til nyhedsbureauet AFP.',
      'Historien kommer frem på et tidspunkt, hvor tyske bilfabrikanter er udsat for massiv kritik, fordi de har finansieret lignende forsøg.',
    ]);
  });

  it('reads every story of a queued feed response', () => {
    const { items } = parse('ritzau_feed.xml');
    expect(items).toHaveLength(2);
    expect(items[0].headline).toBe('PR / Spire Global, Inc.');
  });
});
