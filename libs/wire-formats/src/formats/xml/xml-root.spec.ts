import { rootElementName } from './xml-root';

describe('rootElementName', () => {
  it('skips the declaration, comments, processing instructions and a DOCTYPE', () => {
    expect(rootElementName('<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE nitf SYSTEM "nitf.dtd">\n<nitf>')).toBe('nitf');
    expect(rootElementName('<!DOCTYPE a [ <!ENTITY x "y"> ]><?pi x?><a/>')).toBe('a');
  });

  it('drops the namespace prefix', () => {
    expect(rootElementName('<nar:newsMessage xmlns:nar="http://iptc.org/std/nar/2006-10-01/">')).toBe('newsMessage');
    expect(rootElementName('<rdf:RDF>')).toBe('RDF');
  });

  it('gives undefined when there is no element to see', () => {
    expect(rootElementName('plain text')).toBeUndefined();
    expect(rootElementName('<!-- never closed')).toBeUndefined();
    expect(rootElementName(`<!--${' '.repeat(20_000)}--><a/>`)).toBeUndefined();
  });
});
