import { readMarkupBody } from './markup-body.reader';
import { readXml } from './xml-reader';

const read = (xml: string) => readMarkupBody(readXml(xml));

describe('readMarkupBody', () => {
  it('makes paragraphs of <p> and crossheads of <hl2> and headings, nested blocks included', () => {
    expect(read('<body.content><block><p>First  para.</p><hl2>Sub head</hl2><p>Second <em>para</em>.</p></block><h3>Aside</h3></body.content>').body).toEqual([
      { kind: 'paragraph', text: 'First para.' },
      { kind: 'crosshead', text: 'Sub head' },
      { kind: 'paragraph', text: 'Second para.' },
      { kind: 'crosshead', text: 'Aside' },
    ]);
  });

  it('joins hard wraps at <br> and keeps the lines of tables and preformatted copy', () => {
    expect(read('<body><p>the fire <br/>front moved.<br/>NEXT ITEM</p></body>').body.map((b) => b.text)).toEqual(['the fire front moved.', 'NEXT ITEM']);
    expect(read('<body><pre>Mexico 1\nPanama 0\n\nFull time\n</pre></body>').body.map((b) => b.text)).toEqual(['Mexico 1', 'Panama 0', 'Full time']);
    expect(read('<body><p>Results\nAdanaspor 2 Kasimpasa 0\nBesiktas 5 Konyaspor 1\nSunday</p></body>').body).toHaveLength(4);
  });

  it('gathers text outside blocks into paragraphs and drops markup that reached the text', () => {
    expect(read('<body>Loose text<p>Para</p>35&lt;endash&gt;-&lt;/endash&gt;40 per cent</body>').body.map((b) => b.text)).toEqual([
      'Loose text',
      'Para',
      '35-40 per cent',
    ]);
  });

  it('reads NITF media and HTML figures, and skips page furniture', () => {
    const { body, media } = read(
      '<body><header><h1>Repeated headline</h1></header><media media-type="image"><media-reference source="a.jpg" mime-type="image/jpeg"/>' +
        '<media-caption> The tides. </media-caption><media-producer>Karben</media-producer></media>' +
        '<figure><img src="b.jpg" alt="alt"/><div class="byline">Ann/TT</div><figcaption>Guillou at work</figcaption></figure><p>Text</p></body>',
    );
    expect(body).toEqual([{ kind: 'paragraph', text: 'Text' }]);
    expect(media).toEqual([
      { kind: 'picture', caption: 'The tides.', credit: 'Karben', href: 'a.jpg', mimeType: 'image/jpeg' },
      { kind: 'picture', caption: 'Guillou at work', credit: 'Ann/TT', href: 'b.jpg' },
    ]);
  });
});

describe('readMarkupBody on indented markup', () => {
  it('does not take the indentation between table cells for line ends', () => {
    const table = readMarkupBody(
      readXml(
        '<table>\n  <tr>\n    <th>G</th>\n    <th>AB</th>\n    <th>R</th>\n  </tr>\n  <tr>\n    <td>McNeil NYM</td>\n    <td>72</td>\n    <td>271</td>\n  </tr>\n</table>',
      ),
    );
    expect(table.body.map((block) => block.text)).toEqual(['G AB R', 'McNeil NYM 72 271']);
  });
});
