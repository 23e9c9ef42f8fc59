import { randomBytes } from 'node:crypto';
import * as iconv from 'iconv-lite';
import { looksBinary } from './binary-content';

describe('looksBinary', () => {
  it('accepts text, including ANPA-style control characters', () => {
    expect(looksBinary('Headline\n\nA paragraph\twith a tab.\f')).toBe(false);
    expect(looksBinary(`\u0001a0001 r i BC-Story\u0002${'x'.repeat(500)}\u0003`)).toBe(false);
    expect(looksBinary('')).toBe(false);
  });

  it('rejects NULs and random bytes', () => {
    expect(looksBinary('text\u0000more')).toBe(true);
    const noise = randomBytes(4096).map((b) => (b === 0 ? 1 : b));
    expect(looksBinary(iconv.decode(Buffer.from(noise), 'windows-1252'))).toBe(true);
  });
});
