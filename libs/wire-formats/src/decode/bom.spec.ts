import { detectBom } from './bom';

describe('detectBom', () => {
  it('recognises UTF-8, UTF-16LE and UTF-16BE marks', () => {
    expect(detectBom(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ charset: 'utf-8', length: 3 });
    expect(detectBom(Buffer.from([0xff, 0xfe, 0x41, 0]))).toEqual({ charset: 'utf-16le', length: 2 });
    expect(detectBom(Buffer.from([0xfe, 0xff, 0, 0x41]))).toEqual({ charset: 'utf-16be', length: 2 });
  });

  it('finds none in plain bytes', () => {
    expect(detectBom(Buffer.from('Hello'))).toBeUndefined();
    expect(detectBom(Buffer.alloc(0))).toBeUndefined();
  });
});
