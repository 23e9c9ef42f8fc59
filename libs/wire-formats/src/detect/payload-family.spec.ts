import { familyOfMediaType, sniffFamily } from './payload-family';

describe('familyOfMediaType', () => {
  it.each([
    [undefined, 'sniff'],
    ['text/plain', 'sniff'],
    ['application/octet-stream', 'sniff'],
    ['text/x-wire', 'sniff'],
    ['application/xml', 'xml'],
    ['text/xml', 'xml'],
    ['application/vnd.iptc.g2.newsitem+xml', 'xml'],
    ['application/json', 'json'],
    ['application/ninjs+json', 'json'],
    ['text/html', 'unsupported'],
    ['image/jpeg', 'unsupported'],
  ])('%p → %p', (mediaType, family) => {
    expect(familyOfMediaType(mediaType)).toBe(family);
  });
});

describe('sniffFamily', () => {
  it('looks at the first non-space character', () => {
    expect(sniffFamily('  \n<?xml version="1.0"?><nitf/>')).toBe('xml');
    expect(sniffFamily('{"uri": "x"}')).toBe('json');
    expect(sniffFamily('[{"uri": "x"}]')).toBe('json');
    expect(sniffFamily('Headline\n\nBody')).toBe('text');
  });
});
