import { decodeVersionCursor, encodeVersionCursor } from './version-cursor';
import { encodeCursor } from './story-cursor';

describe('version cursors', () => {
  it('round-trip a version number', () => {
    expect(decodeVersionCursor(encodeVersionCursor(7))).toBe(7);
    expect(decodeVersionCursor(encodeVersionCursor(123456789))).toBe(123456789);
  });

  it('refuse anything this API did not hand out, the list’s cursors too, with INVALID_CURSOR', () => {
    for (const text of [
      '',
      'bm9wZQ',
      Buffer.from('v|0').toString('base64url'),
      Buffer.from('v|1e3').toString('base64url'),
      encodeCursor({ updatedAt: new Date(), id: '00000000-0000-4000-8000-000000000000' }),
    ]) {
      expect(() => decodeVersionCursor(text)).toThrow(expect.objectContaining({ status: 400, code: 'INVALID_CURSOR' }));
    }
  });
});
