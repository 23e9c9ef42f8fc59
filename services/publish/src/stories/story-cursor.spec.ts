import { ApiError } from '@copydesk/observability';
import { decodeCursor, encodeCursor } from './story-cursor';

describe('story cursor', () => {
  it('round-trips the position', () => {
    const c = { updatedAt: new Date('2025-03-21T09:59:56Z'), id: '3f2b1c9e-0000-4000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it('rejects a cursor it did not make', () => {
    expect(() => decodeCursor('bm9wZQ')).toThrow(ApiError);
  });
});
