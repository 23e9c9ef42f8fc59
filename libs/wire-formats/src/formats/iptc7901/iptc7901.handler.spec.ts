import * as iconv from 'iconv-lite';
import { parseWire } from '../../parse';

const capturedAt = new Date('2025-01-01T00:00:00Z');
const copy =
  '\u0001eca100 3 s 586 ccccb   dpa 099\r\n\r\nFootball/\r\n\u0002Tribute to Müller =\r\n\r\nMunich (dpa) - Thomas Müller said goodbye.\r\n\r\n\u0003071341 GMT Okt 15 \r\n\u007f\u0004';

describe('IPTC 7901 through parseWire', () => {
  it('sniffs latin-1 copy sent as text/plain and keeps its umlauts', () => {
    const body = iconv.encode(copy, 'latin1');
    for (const contentType of ['text/plain; charset=iso-8859-1', 'text/plain', undefined]) {
      const result = parseWire({ body, capturedAt, ...(contentType ? { contentType } : {}) });
      expect(result.format).toBe('iptc7901');
      expect(result.items[0]).toMatchObject({ headline: 'Tribute to Müller', dateline: 'Munich', body: [{ text: 'Thomas Müller said goodbye.' }] });
    }
  });
});
