import { decodeEntities, decodeEscapedTwice } from './xml-entities';

describe('decodeEntities', () => {
  it('decodes XML, numeric and known HTML entities once, and leaves the rest', () => {
    expect(decodeEntities('&amp;amp; &#38;#39; &eacute;&Eacute;&yuml;&euro;&hellip; &#0; &#xD800; &nosuch; & x &#12x; &;')).toBe(
      '&amp; &#39; éÉÿ€… \ufffd \ufffd &nosuch; & x &#12x; &;',
    );
  });

  it('stays linear on many ampersands before one semicolon', () => {
    const started = Date.now();
    expect(decodeEntities(`${'&'.repeat(300_000)}amp;`)).toHaveLength(300_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('decodeEscapedTwice', () => {
  it('decodes a second layer of references and quote or ampersand entities, never markup', () => {
    expect(decodeEscapedTwice('o&#39;clock, &quot;Hi&quot;, AT&amp;T, &#60;b&#62;, &lt;i&gt;, &eacute;')).toBe(
      'o\'clock, "Hi", AT&T, &#60;b&#62;, &lt;i&gt;, &eacute;',
    );
  });
});
