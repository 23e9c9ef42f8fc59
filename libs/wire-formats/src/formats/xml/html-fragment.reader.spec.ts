import { readHtmlFragment } from './html-fragment.reader';
import { readMarkupBody } from './markup-body.reader';

const blocks = (html: string) => readMarkupBody(readHtmlFragment(html)).body;

describe('readHtmlFragment', () => {
  it('reads sloppy HTML without failing: unclosed paragraphs, stray end tags, void elements', () => {
    expect(blocks('<P>One<p>Two</b></p><br><hr><p>Three &amp; four</strong>')).toEqual([
      { kind: 'paragraph', text: 'One' },
      { kind: 'paragraph', text: 'Two' },
      { kind: 'paragraph', text: 'Three & four' },
    ]);
  });

  it('keeps attributes, quoted or not, and skips scripts and comments', () => {
    const root = readHtmlFragment('<img SRC=a.jpg alt="A &quot;cat&quot;"><script>if (a < b) {}</script><!-- <p>x</p> -->');
    expect(root.children).toEqual([
      { name: 'img', attrs: { src: 'a.jpg', alt: 'A "cat"' }, children: [] },
      { name: 'script', attrs: {}, children: [] },
    ]);
  });

  it('treats a lone "<" as text', () => {
    expect(blocks('<p>a < b and c <d</p>')).toEqual([{ kind: 'paragraph', text: 'a < b and c <d' }]);
  });

  it('is linear on many unterminated tags', () => {
    const started = Date.now();
    readHtmlFragment(`<a title="${'<x '.repeat(100_000)}`);
    readHtmlFragment('<div>'.repeat(100_000));
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
