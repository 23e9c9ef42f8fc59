import fc from 'fast-check';
import { isWireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { MAX_XML_DEPTH, readXml } from './xml-reader';
import type { XmlElement } from './xml-node.types';
import { child, rawText } from './xml-query';

const malformed = expect.objectContaining({ code: WireFormatErrorCode.MALFORMED_INPUT });

describe('readXml', () => {
  it('reads elements, attributes, text and CDATA with local names', () => {
    const root = readXml(
      '<?xml version="1.0"?>\n<!-- c --><nar:newsItem xmlns:nar="urn:x" guid="a&amp;b" xml:lang=\'en\'><p>One <b>two</b><![CDATA[ <three> ]]></p><br/></nar:newsItem>',
    );
    expect(root.name).toBe('newsItem');
    expect(root.attrs).toEqual({ guid: 'a&b', lang: 'en' });
    const p = child(root, 'p') as XmlElement;
    expect(rawText(p)).toBe('One two <three> ');
    expect(child(root, 'br')).toEqual({ name: 'br', attrs: {}, children: [] });
  });

  it('decodes the five XML entities, character references and HTML names, and keeps unknown ones', () => {
    const root = readXml('<t>&lt;&gt;&quot;&apos;&amp; &#163;&#x20AC; &eacute;&nbsp;&mdash; &bogus; AT&T</t>');
    expect(rawText(root)).toBe('<>"\'& £€ é\u00a0— &bogus; AT&T');
  });

  it('normalises whitespace in attribute values', () => {
    expect(readXml('<t a="x\ny\tz"/>').attrs.a).toBe('x y z');
  });

  it('skips a DOCTYPE unread: internal entities are never expanded (billion laughs)', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ' <!-- a comment with ] and > inside -->',
      ']>',
      '<lolz>&lol9;</lolz>',
    ].join('\n');
    const started = Date.now();
    expect(rawText(readXml(laughs))).toBe('&lol9;');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('never resolves external entities', () => {
    const xxe = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>';
    expect(rawText(readXml(xxe))).toBe('&xxe;');
  });

  it.each([
    ['an unclosed element', '<a><b></b>'],
    ['a mismatched end tag', '<a><b></a></b>'],
    ['text after the root', '<a/>text'],
    ['a second root', '<a/><b/>'],
    ['an unterminated comment', '<a><!-- x</a>'],
    ['an unterminated CDATA section', '<a><![CDATA[x</a>'],
    ['an unquoted attribute', '<a b=c/>'],
    ['an attribute without a value', '<a b/>'],
    ['an unterminated attribute value', '<a b="c/>'],
    ['an unterminated DOCTYPE', '<!DOCTYPE a [ <!ENTITY x "y">'],
    ['no element at all', '<?xml version="1.0"?>'],
    ['an end tag without a start', '</a>'],
    ['a bad element name', '< a/>'],
  ])('refuses %s as MALFORMED_INPUT', (_case, xml) => {
    expect(() => readXml(xml)).toThrow(malformed);
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = `${'<a>'.repeat(MAX_XML_DEPTH + 1)}${'</a>'.repeat(MAX_XML_DEPTH + 1)}`;
    expect(() => readXml(deep)).toThrow(malformed);
    const fine = `${'<a>'.repeat(MAX_XML_DEPTH)}${'</a>'.repeat(MAX_XML_DEPTH)}`;
    expect(readXml(fine).name).toBe('a');
  });

  it('stays linear on pathological input', () => {
    const n = 200_000;
    const cases = [
      `<a ${'b="1" '.repeat(1)}>${'&'.repeat(n)}</a>`,
      `<a>${'&amp'.repeat(n)}</a>`,
      `<a>${'<b/>'.repeat(n)}</a>`,
      `<a>${'<'.repeat(n)}`,
      `<!DOCTYPE a [${'['.repeat(n)}`,
      `<a x="${'"'.repeat(1)}${' '.repeat(n)}`,
    ];
    for (const xml of cases) {
      const started = Date.now();
      try {
        readXml(xml);
      } catch (error) {
        expect(isWireFormatError(error)).toBe(true);
      }
      expect(Date.now() - started).toBeLessThan(3_000);
    }
  });

  it('throws nothing but WireFormatError on arbitrary input', () => {
    const xmlish = fc.stringMatching(/^[<>/a-c"'=&;#x!\-[\]? ]{0,60}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), xmlish), (text) => {
        try {
          readXml(text);
        } catch (error) {
          if (!isWireFormatError(error)) throw error;
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
