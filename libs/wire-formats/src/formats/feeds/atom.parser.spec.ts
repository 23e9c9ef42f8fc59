import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseWire } from '../../parse';

describe('Atom', () => {
  it('reads WENN: article id, first line as summary, its own times', () => {
    const body = readFileSync(resolve(__dirname, '../../../../..', '../shared/corpus/superdesk/rss/wenn.xml'));
    const { format, items } = parseWire({ body, contentType: 'application/atom+xml', capturedAt: new Date() });
    expect(format).toBe('atom');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      headline: 'Suge Knight involved in fatal hit and run incident',
      wire: { guid: '1369426' },
      summary: ['Police officials in Los Angeles are investigating a fatal hit and run incident involving rap mogul SUGE KNIGHT on Thursday (29Jan15).'],
      body: [{ kind: 'paragraph', text: 'This is body content1.' }],
      firstCreated: '2015-01-30T00:33:06.000Z',
      versionCreated: '2015-01-30T02:40:56.000Z',
      language: 'en-GB',
      pubStatus: 'usable',
    });
    expect(items[1]).toMatchObject({ headline: 'Jagged Edge singer Kyle Norman arrested over domestic assault', wire: { guid: '1369417' } });
  });

  it('reads a standard feed: id, html and xhtml content, authors, categories, enclosures', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
      <entry><id>tag:x,2024:1</id><title type="html">A &lt;b&gt;bold&lt;/b&gt; title &amp;amp; more</title>
        <published>2024-05-01T10:00:00Z</published><updated>2024-05-01T11:00:00+01:00</updated>
        <author><name>Ann Lee</name></author><category term="pol" label="Politics"/>
        <link rel="enclosure" href="http://x/a.jpg" type="image/jpeg" title="A caption"/>
        <summary>Short.</summary><content type="html">&lt;p&gt;One.&lt;/p&gt;&lt;h2&gt;Sub&lt;/h2&gt;</content></entry>
      <entry><id>tag:x,2024:2</id><title>Two</title><updated>2024-05-02T00:00:00Z</updated>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para</p></div></content></entry></feed>`;
    const { items } = parseWire({ body: Buffer.from(xml), capturedAt: new Date() });
    expect(items[0]).toMatchObject({
      headline: 'A bold title & more',
      wire: { guid: 'tag:x,2024:1' },
      byline: 'Ann Lee',
      summary: ['Short.'],
      body: [
        { kind: 'paragraph', text: 'One.' },
        { kind: 'crosshead', text: 'Sub' },
      ],
      subjects: [{ code: 'pol', name: 'Politics' }],
      media: [{ kind: 'picture', href: 'http://x/a.jpg', mimeType: 'image/jpeg', caption: 'A caption' }],
      firstCreated: '2024-05-01T10:00:00.000Z',
      versionCreated: '2024-05-01T10:00:00.000Z',
      language: 'en',
    });
    expect(items[1]).toMatchObject({ body: [{ kind: 'paragraph', text: 'Para' }], firstCreated: '2024-05-02T00:00:00.000Z' });
  });
});
