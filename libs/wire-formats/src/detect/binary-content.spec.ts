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

  it('accepts framed agency copy heavy with table format codes, but not with NULs', () => {
    const table = Array.from({ length: 50 }, (_, i) => `\u0008Team${i}\u001f\u001e 7\u001e \u001e 5\u001e`).join('\n');
    expect(looksBinary(`\u0016\u0016\u0001s0284\u001f-----\nr s\u0014\u0012 BC-BBO--Glance 08-18\n\u0002${table}`)).toBe(false);
    expect(looksBinary(`\u0001eca123 3 i 120 ccccb\n\u0002${table}`)).toBe(false);
    expect(looksBinary(`\u0016\u0016\u0001s0284\u0000${table}`)).toBe(true);
  });
});
