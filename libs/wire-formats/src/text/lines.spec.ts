import { WireFormatErrorCode } from '../errors/wire-format-error-code.enum';
import { assertLineLengths, splitLines } from './lines';

describe('lines', () => {
  it('splits on LF', () => {
    expect(splitLines('a\n\nb')).toEqual(['a', '', 'b']);
  });

  it('rejects over-long lines with their position', () => {
    expect(() => assertLineLengths(['ok', 'x'.repeat(11)], 10)).toThrow(
      expect.objectContaining({
        code: WireFormatErrorCode.MALFORMED_INPUT,
        details: { reason: 'line-too-long', line: 2, length: 11, limit: 10 },
      }),
    );
    expect(() => assertLineLengths(['x'.repeat(10)], 10)).not.toThrow();
  });
});
