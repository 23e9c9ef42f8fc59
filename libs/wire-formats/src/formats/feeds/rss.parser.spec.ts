import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CanonicalItem } from '@copydesk/contracts';
import { parseWire } from '../../parse';

const parseText = (xml: string, contentType?: string) => parseWire({ body: Buffer.from(xml), contentType, capturedAt: new Date('2026-01-01T00:00:00Z') });
const parseFile = (file: string): CanonicalItem[] => {
  const result = parseWire({ body: readFileSync(resolve(__dirname, '../../../../..', '../shared/corpus/superdesk/rss', file)), capturedAt: new Date() });
  expect(result.format).toBe('rss');
  return result.items;
};

describe('RSS 2.0', () => {
  it('reads a plain feed: guid, title, description as body, dates, categories, enclosure', () => {
    const { format, items } = parseText(
      `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title><language>en-gb</language>
        <item><title>Storm &amp;amp; floods hit coast</title><guid isPermaLink="false">wire-1</guid>
          <description>&lt;p&gt;First para.&lt;/p&gt;&lt;p&gt;Second &lt;b&gt;para&lt;/b&gt;.&lt;/p&gt;</description>
          <pubDate>Mon, 29 Jul 2013 16:03:54 +0000</pubDate><dc:creator>Ann Lee</dc:creator>
          <category domain="section">Weather</category><enclosure url="http://x/a.jpg" type="image/jpeg" length="1"/></item>
        <item><title>CORRECTED-Second story</title><link>http://x/2</link><description>Plain text.</description></item>
      </channel></rss>`,
      'application/rss+xml',
    );
    expect(format).toBe('rss');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      headline: 'Storm &amp; floods hit coast',
      wire: { guid: 'wire-1' },
      byline: 'Ann Lee',
      language: 'en-gb',
      firstCreated: '2013-07-29T16:03:54.000Z',
      subjects: [{ name: 'Weather', scheme: 'section' }],
      media: [{ kind: 'picture', href: 'http://x/a.jpg', mimeType: 'image/jpeg' }],
      body: [
        { kind: 'paragraph', text: 'First para.' },
        { kind: 'paragraph', text: 'Second para.' },
      ],
    });
    expect(items[1]).toMatchObject({ wire: { guid: 'http://x/2' }, signals: ['correction'], body: [{ kind: 'paragraph', text: 'Plain text.' }] });
  });

  it('reads a WordPress export: posts only, blank-line paragraphs, categories, author', () => {
    const items = parseFile('wordpress_wxr.xml');
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({
      headline: 'Starafrica to dispose assets for $6 million to clear debt',
      wire: { guid: 'http://sdnewtester.org/?p=216' },
      byline: 'admin',
      firstCreated: '2013-07-29T16:03:54.000Z',
      language: 'en-US',
    });
    expect(items[0].subjects.map((subject) => subject.name)).toEqual(expect.arrayContaining(['Business', 'Companies', 'Economy', 'companies']));
    expect(items[0].body[0].text).toBe('By Tester');
    expect(items[0].body[1].text).toMatch(/^Harare, July 19 \(The SDNewTester\) - Cash-strapped StarAfrica Corporation/);
    expect(items[1].media).toEqual([{ kind: 'picture', href: 'http://example.net/image.png' }]);
    expect(items[3]).toMatchObject({ headline: 'test4', body: [], media: [{ kind: 'picture', href: 'http://example.net/image.png' }] });
  });

  it("turns a post's featured image into its media and drops the attachment item", () => {
    const items = parseFile('wordpress_wxr_thumb.xml');
    expect(items).toHaveLength(1);
    expect(items[0].media).toEqual([{ kind: 'picture', href: 'https://toto.invalid/attachment.jpg', caption: 'this is a description', altText: 'test' }]);
  });

  it('removes WordPress shortcodes', () => {
    const [item] = parseFile('wordpress_wxr_funke.xml');
    expect(item.body[0].text).toMatch(/^Mysterium/);
    expect(item.body.map((block) => block.text).join(' ')).not.toContain('[contact_form]');
  });
});
