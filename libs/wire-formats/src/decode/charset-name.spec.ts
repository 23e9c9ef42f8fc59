import { canonicalCharset } from './charset-name';

describe('canonicalCharset', () => {
  it('canonicalises common labels', () => {
    expect(canonicalCharset('UTF8')).toEqual({ name: 'utf-8', family: 'utf-8' });
    expect(canonicalCharset(' "utf-8" ')).toEqual({ name: 'utf-8', family: 'utf-8' });
    expect(canonicalCharset('us-ascii')).toEqual({ name: 'utf-8', family: 'utf-8' });
    expect(canonicalCharset('Latin1')).toEqual({ name: 'iso-8859-1', family: 'latin' });
    expect(canonicalCharset('CP1252')).toEqual({ name: 'windows-1252', family: 'latin' });
    expect(canonicalCharset('UTF-16LE')).toEqual({ name: 'utf-16le', family: 'other' });
  });

  it('passes through other charsets iconv-lite knows', () => {
    expect(canonicalCharset('ISO-8859-2')).toEqual({ name: 'iso-8859-2', family: 'other' });
    expect(canonicalCharset('Shift_JIS')).toEqual({ name: 'shift_jis', family: 'other' });
  });

  it('returns undefined for charsets it cannot decode', () => {
    expect(canonicalCharset('x-klingon')).toBeUndefined();
    expect(canonicalCharset('')).toBeUndefined();
  });
});
