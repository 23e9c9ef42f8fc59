import { contentTypeOfFile, freeName, isIgnoredName } from './dropped-file';

describe('contentTypeOfFile', () => {
  it('names the type by the extension, whatever its case', () => {
    expect(contentTypeOfFile('story.XML')).toBe('application/xml');
    expect(contentTypeOfFile('item.ninjs')).toBe('application/ninjs+json');
    expect(contentTypeOfFile('letter.eml')).toBe('message/rfc822');
    expect(contentTypeOfFile('page.txt')).toBe('text/plain');
    expect(contentTypeOfFile('wire.atom')).toBe('application/atom+xml');
  });
  it('leaves other files to be sniffed', () => {
    expect(contentTypeOfFile('COPY')).toBe('application/octet-stream');
    expect(contentTypeOfFile('photo.jpg')).toBe('application/octet-stream');
  });
});

describe('isIgnoredName', () => {
  it('ignores dotfiles and files still being written', () => {
    for (const name of ['.DS_Store', '.story.xml.swp', 'story.xml.tmp', 'story.xml.part', 'story.PARTIAL', 'x.crdownload', 'story.xml~']) {
      expect(isIgnoredName(name)).toBe(true);
    }
  });
  it('takes everything else', () => {
    for (const name of ['story.xml', 'tmp.xml', 'partial-results.txt', 'COPY']) expect(isIgnoredName(name)).toBe(false);
  });
});

describe('freeName', () => {
  it('keeps a free name, else numbers it before the extension', () => {
    const taken = new Set(['story.xml', 'story-1.xml', 'COPY']);
    expect(freeName('other.xml', (n) => taken.has(n))).toBe('other.xml');
    expect(freeName('story.xml', (n) => taken.has(n))).toBe('story-2.xml');
    expect(freeName('COPY', (n) => taken.has(n))).toBe('COPY-1');
  });
});
