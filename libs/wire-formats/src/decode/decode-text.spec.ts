import * as iconv from 'iconv-lite';
import { WireFormatErrorCode } from '../errors/wire-format-error-code.enum';
import { decodeText } from './decode-text';

const SAMPLE = 'Japan\u2019s \u201cfine\u201d caf\u00e9 \u2022 GOMA:\u00a0rebels';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, charset: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]))).toEqual({
      text: SAMPLE,
      charset: 'utf-8',
    });
  });

  it('reads UTF-16 LE and BE with a BOM, whatever is declared', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(decodeText(le, 'iso-8859-1')).toEqual({ text: SAMPLE, charset: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf-16be')]);
    expect(decodeText(be)).toEqual({ text: SAMPLE, charset: 'utf-16be' });
  });

  it('reads declared UTF-16LE without a BOM', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf16le'), 'UTF-16LE')).toEqual({ text: SAMPLE, charset: 'utf-16le' });
  });

  it('reads declared windows-1252 and falls back to it for invalid UTF-8', () => {
    const bytes = iconv.encode(SAMPLE, 'windows-1252');
    expect(decodeText(bytes, 'windows-1252')).toEqual({ text: SAMPLE, charset: 'windows-1252' });
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, charset: 'windows-1252' });
    expect(decodeText(bytes, 'utf-8')).toEqual({ text: SAMPLE, charset: 'windows-1252' });
  });

  it('reads declared ISO-8859-1, as windows-1252 when C1 bytes occur', () => {
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'ISO-8859-1')).toEqual({ text: 'caf\u00e9', charset: 'iso-8859-1' });
    expect(decodeText(Buffer.from([0x93, 0x61, 0x94]), 'latin1')).toEqual({ text: '\u201ca\u201d', charset: 'windows-1252' });
  });

  it('reads other charsets iconv-lite knows', () => {
    expect(decodeText(iconv.encode('\u0141\u00f3d\u017a', 'iso-8859-2'), 'iso-8859-2')).toEqual({
      text: '\u0141\u00f3d\u017a',
      charset: 'iso-8859-2',
    });
  });

  it('normalises CRLF and CR to LF and composes to NFC', () => {
    expect(decodeText(Buffer.from('a\r\nb\rcafe\u0301\r\n')).text).toBe('a\nb\ncaf\u00e9\n');
  });

  it('rejects an unknown declared charset', () => {
    expect(() => decodeText(Buffer.from('x'), 'x-klingon')).toThrow(expect.objectContaining({ code: WireFormatErrorCode.UNSUPPORTED_ENCODING }));
  });

  it('ignores an empty declaration', () => {
    expect(decodeText(Buffer.from('x'), ' ')).toEqual({ text: 'x', charset: 'utf-8' });
  });
});
