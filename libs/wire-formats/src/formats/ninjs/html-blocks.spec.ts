import { htmlToBlocks, htmlToText } from './html-blocks';

describe('htmlToBlocks', () => {
  it('makes one block per paragraph and a crosshead per heading', () => {
    expect(htmlToBlocks('<p>First <b>bold</b> line.</p><h2>Cross head</h2><p>Second&nbsp;line &amp; more.</p>')).toEqual([
      { kind: 'paragraph', text: 'First bold line.' },
      { kind: 'crosshead', text: 'Cross head' },
      { kind: 'paragraph', text: 'Second line & more.' },
    ]);
  });

  it('splits on line breaks, drops scripts, comments and empty paragraphs', () => {
    expect(htmlToText('<p>One<br/>Two</p><!-- note --><script>alert(1)</script><p> </p><div>Three</div>')).toBe('One Two Three');
    expect(htmlToBlocks('<p>One<br>Two</p>')).toHaveLength(2);
  });

  it('keeps a lone "<" as text and stops at an unterminated tag or comment', () => {
    expect(htmlToText('<p>3 < 4 and 5 > 2</p>')).toBe('3 < 4 and 5 > 2');
    expect(htmlToText('<p>Kept</p><p unterminated')).toBe('Kept');
    expect(htmlToText('<p>Kept</p><!-- open')).toBe('Kept');
  });

  it('reads NITF markup: declaration, head and body.head are not text', () => {
    const nitf =
      '<?xml version="1.0"?><!DOCTYPE nitf><nitf><head><title>T</title></head><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><p>Text.</p></body.content></body></nitf>';
    expect(htmlToBlocks(nitf)).toEqual([{ kind: 'paragraph', text: 'Text.' }]);
  });

  it('decodes numeric and named references', () => {
    expect(htmlToText('<p>&#8220;Quote&#x201D; &mdash; &eacute;t&#233;</p>')).toBe('\u201cQuote\u201d \u2014 &eacute;t\u00e9');
  });

  it('stays linear on pathological markup', () => {
    const started = Date.now();
    htmlToBlocks('<'.repeat(200_000) + '<a'.repeat(200_000) + '<!--'.repeat(50_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
