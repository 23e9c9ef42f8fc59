import * as iconv from 'iconv-lite';
import { decodeText } from '../../decode/decode-text';
import { honourDeclaredEncoding } from './declared-encoding';

describe('honourDeclaredEncoding', () => {
  it('re-reads single-byte text declared in the XML prolog (ISO-8859-7 read as windows-1252)', () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-7"?><t>Αθήνα</t>';
    const { text } = decodeText(iconv.encode(xml, 'iso-8859-7'));
    expect(text).not.toContain('Αθήνα');
    expect(honourDeclaredEncoding(text)).toContain('<t>Αθήνα</t>');
  });

  it('leaves UTF-8, Latin-1 and undeclared text alone', () => {
    const latin = decodeText(iconv.encode('<?xml version="1.0" encoding="iso-8859-1"?><t>£66bn</t>', 'latin1')).text;
    expect(honourDeclaredEncoding(latin)).toContain('£66bn');
    expect(honourDeclaredEncoding('<?xml version="1.0" encoding="windows-1251"?><t>Привет</t>')).toContain('Привет');
    expect(honourDeclaredEncoding('<t>Décès</t>')).toBe('<t>Décès</t>');
  });
});
