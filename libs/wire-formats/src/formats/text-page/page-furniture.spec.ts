import { isFurniture, readUpdatedLine, repeatsHeadline, withoutUpdatePrefix } from './page-furniture';

const capturedAt = new Date('2025-03-21T10:00:00Z');

describe('page furniture', () => {
  it('knows the furniture lines', () => {
    expect(isFurniture('Short Url')).toBe(true);
    expect(isFurniture(' Follow ')).toBe(true);
    expect(isFurniture('Share')).toBe(true);
    expect(isFurniture('Follow the money')).toBe(false);
  });

  it('reads "Updated …" lines only', () => {
    expect(readUpdatedLine('Updated 4 sec ago', capturedAt, 'UTC')?.at.toISOString()).toBe('2025-03-21T09:59:56.000Z');
    expect(readUpdatedLine('Updated\u00a006 September 2024', capturedAt, 'UTC')?.precision).toBe('day');
    expect(readUpdatedLine('4 sec ago', capturedAt, 'UTC')).toBeNull();
    expect(readUpdatedLine('Updated figures show growth', capturedAt, 'UTC')).toBeNull();
  });

  it('recognises the headline and its "Update" link', () => {
    expect(repeatsHeadline('M23 seizes town', 'M23 seizes town')).toBe(true);
    expect(repeatsHeadline('Update M23 seizes town', 'M23 seizes town')).toBe(true);
    expect(repeatsHeadline('Update: M23 seizes town', 'M23 seizes town')).toBe(false);
    expect(repeatsHeadline('M23 seizes town again', 'M23 seizes town')).toBe(false);
    expect(withoutUpdatePrefix('Update M23 seizes town')).toBe('M23 seizes town');
    expect(withoutUpdatePrefix('M23 seizes town')).toBeNull();
  });
});
