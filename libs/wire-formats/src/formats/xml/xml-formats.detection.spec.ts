import * as iconv from 'iconv-lite';
import { parseWire } from '../../parse';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';

const NITF =
  '<?xml version="1.0" encoding="iso-8859-1"?>\n<!DOCTYPE nitf SYSTEM "nitf.dtd">\n<nitf><body><body.head><hedline><hl1>Café crème &eacute;t&eacute;</hl1></hedline></body.head><body.content><p>Prix: 5&nbsp;&#8364;</p></body.content></body></nitf>';
const G2 = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1"><contentMeta><headline>G2</headline></contentMeta></newsItem>';
const MESSAGE = `<newsMessage><header/><itemSet>${G2}${G2.replace('urn:x', 'urn:y')}</itemSet></newsMessage>`;
const NEWSML = '<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>One</HeadLine></NewsLines></NewsComponent></NewsItem></NewsML>';
const RSS = '<rss version="2.0"><channel><item><title>R</title></item></channel></rss>';
const ATOM = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><title>A</title></entry></feed>';

const parse = (body: string | Buffer, contentType?: string) =>
  parseWire({ body: typeof body === 'string' ? Buffer.from(body) : body, contentType, capturedAt: new Date('2026-01-01T00:00:00Z') });

describe('XML formats through parseWire', () => {
  it.each([
    [NITF, 'application/nitf+xml', 'nitf'],
    [G2, 'application/vnd.iptc.g2.newsitem+xml', 'newsml-g2'],
    [RSS, 'application/rss+xml', 'rss'],
    [ATOM, 'application/atom+xml', 'atom'],
  ])('takes the format its media type names (%#)', (body, contentType, format) => {
    expect(parse(body, contentType).format).toBe(format);
  });

  it.each([
    [NITF, 'nitf'],
    [G2, 'newsml-g2'],
    [MESSAGE, 'newsml-g2'],
    [NEWSML, 'newsml-1.2'],
    [RSS, 'rss'],
    [ATOM, 'atom'],
  ])('sniffs the root element under generic types (%#)', (body, format) => {
    for (const contentType of [undefined, 'text/plain', 'application/xml', 'text/xml', 'application/octet-stream']) {
      expect(parse(body, contentType).format).toBe(format);
    }
  });

  it('reads every item of a news message', () => {
    expect(parse(MESSAGE).items.map((item) => item.wire.guid)).toEqual(['urn:x', 'urn:y']);
  });

  it('decodes ISO-8859-1 bytes declared in the prolog, HTML entities and a UTF-16 byte-order mark', () => {
    const latin = parse(iconv.encode(NITF, 'latin1'), 'application/xml').items[0];
    expect(latin.headline).toBe('Café crème été');
    expect(latin.body[0].text).toBe('Prix: 5 €');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(NITF.replace('iso-8859-1', 'utf-16'), 'utf-16le')]);
    expect(parse(utf16).items[0].headline).toBe('Café crème été');
    expect(parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(G2)])).items[0].headline).toBe('G2');
  });

  it('refuses broken XML of a known format as MALFORMED_INPUT', () => {
    for (const broken of ['<nitf><body></nitf>', '<newsItem guid="x"><contentMeta></newsItem>', '<rss><channel><item></channel></rss>', '<feed><entry>']) {
      expect(() => parse(broken, 'application/xml')).toThrow(expect.objectContaining({ code: WireFormatErrorCode.MALFORMED_INPUT }));
    }
  });

  it('finds no story in empty documents, and no format in foreign XML', () => {
    expect(() => parse('<nitf><head/></nitf>')).toThrow(expect.objectContaining({ code: WireFormatErrorCode.NO_STORIES }));
    expect(() => parse('<rss version="2.0"><channel/></rss>')).toThrow(expect.objectContaining({ code: WireFormatErrorCode.NO_STORIES }));
    expect(() => parse('<results><result/></results>', 'application/xml')).toThrow(expect.objectContaining({ code: WireFormatErrorCode.UNKNOWN_FORMAT }));
    expect(() => parse('<conceptItem guid="urn:c" version="1"/>')).toThrow(expect.objectContaining({ code: WireFormatErrorCode.UNKNOWN_FORMAT }));
    expect(() => parse('<newsMessage><itemSet><conceptItem guid="urn:c" version="1"/></itemSet></newsMessage>')).toThrow(
      expect.objectContaining({ code: WireFormatErrorCode.NO_STORIES }),
    );
  });

  it('survives an entity bomb in a DOCTYPE quickly', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY a "${'x'.repeat(1000)}">${Array.from({ length: 30 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i || ''};`.repeat(20)}">`).join('')}]><nitf><body><body.content><p>&a30;</p></body.content></body></nitf>`;
    const started = Date.now();
    expect(parse(bomb).items[0].body[0].text).toBe('&a30;');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
