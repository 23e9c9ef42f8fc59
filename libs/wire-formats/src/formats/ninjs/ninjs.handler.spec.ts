import * as iconv from 'iconv-lite';
import { parseWire } from '../../parse';

const capturedAt = new Date('2025-01-01T00:00:00Z');
const document = JSON.stringify({ uri: 'urn:x', headline: 'Café opens', body_text: 'Déjà vu.' });

describe('ninjs through parseWire', () => {
  it.each([['application/ninjs+json'], ['application/json'], ['text/plain'], [undefined]])('is detected from %s', (contentType) => {
    const result = parseWire({ body: Buffer.from(document), capturedAt, ...(contentType ? { contentType } : {}) });
    expect(result.format).toBe('ninjs');
    expect(result.items[0].headline).toBe('Café opens');
  });

  it('decodes UTF-16 with a byte-order mark and a mislabelled windows-1252 body', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(document, 'utf-16le')]);
    expect(parseWire({ body: utf16, contentType: 'application/json', capturedAt }).items[0].body[0].text).toBe('Déjà vu.');
    const cp1252 = iconv.encode(document, 'windows-1252');
    expect(parseWire({ body: cp1252, contentType: 'application/json', capturedAt }).items[0].headline).toBe('Café opens');
  });

  it('leaves AP Media pages to the AP handler', () => {
    const page = JSON.stringify({ api_version: '1.1', data: { item: { altids: { itemid: 'a1' }, headline: 'AP item', type: 'text' } } });
    expect(parseWire({ body: Buffer.from(page), contentType: 'application/json', capturedAt }).format).toBe('ap-media');
  });
});
