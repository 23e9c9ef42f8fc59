import { feedContentType } from './feed-document';

const RSS = Buffer.from('<?xml version="1.0"?>\n<!-- a feed -->\n<rss version="2.0"><channel><title>T</title></channel></rss>');
const ATOM = Buffer.from('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>');
const RDF = Buffer.from('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel/></rdf:RDF>');

describe('feedContentType', () => {
  it("keeps the server's type when it names RSS or Atom", () => {
    expect(feedContentType('application/rss+xml; charset=ISO-8859-1', ATOM)).toBe('application/rss+xml; charset=ISO-8859-1');
    expect(feedContentType('Application/Atom+XML', RSS)).toBe('Application/Atom+XML');
  });

  it('names RSS or Atom by the root element when the server says only XML or nothing, keeping its charset', () => {
    expect(feedContentType('text/xml; charset=windows-1252', RSS)).toBe('application/rss+xml; charset=windows-1252');
    expect(feedContentType('application/xml', ATOM)).toBe('application/atom+xml');
    expect(feedContentType(null, RDF)).toBe('application/rss+xml');
    expect(feedContentType(undefined, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ATOM]))).toBe('application/atom+xml');
  });

  it('gives undefined for a document that is neither', () => {
    expect(feedContentType('text/html', Buffer.from('<!DOCTYPE html><html><body>Not found</body></html>'))).toBeUndefined();
    expect(feedContentType('application/xml', Buffer.from('<NewsML><NewsItem/></NewsML>'))).toBeUndefined();
    expect(feedContentType('application/json', Buffer.from('{"rss": true}'))).toBeUndefined();
    expect(feedContentType(null, Buffer.alloc(0))).toBeUndefined();
  });
});
