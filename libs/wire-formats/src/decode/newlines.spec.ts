import { growthExponent, LINEAR_EXPONENT } from '@copydesk/testing';
import { normaliseNewlines } from './newlines';

describe('normaliseNewlines', () => {
  it('turns CRLF and lone CR into LF and leaves the rest as it is', () => {
    expect(normaliseNewlines('a\r\nb\rc\n\r\r\nd')).toBe('a\nb\nc\n\n\nd');
    expect(normaliseNewlines('no line ends \ud800')).toBe('no line ends \ud800');
    const long = 'line\r\n\ud800'.repeat(10_000);
    expect(normaliseNewlines(long)).toBe('line\n\ud800'.repeat(10_000));
  });

  it('costs linear time on megabytes of bare carriage returns', () => {
    const text = (n: number) => '\r'.repeat(n);
    expect(growthExponent(text(500_000), text(10_000_000), 20, normaliseNewlines)).toBeLessThan(LINEAR_EXPONENT);
  });
});
