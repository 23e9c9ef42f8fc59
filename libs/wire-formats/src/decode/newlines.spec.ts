import { normaliseNewlines } from './newlines';

describe('normaliseNewlines', () => {
  it('turns CRLF and CR into LF', () => {
    expect(normaliseNewlines('a\r\nb\rc\nd\r\n\r\n')).toBe('a\nb\nc\nd\n\n');
  });
});
