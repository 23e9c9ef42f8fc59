import { WireFormatError } from '../errors/wire-format.error';
import { WireFormatErrorCode } from '../errors/wire-format-error-code.enum';

/** Splits LF-normalised text into lines. */
export function splitLines(text: string): string[] {
  return text.split('\n');
}

/** Throws MALFORMED_INPUT when a line is longer than any line of real copy could be (e.g. a 20 MB blob on one line). */
export function assertLineLengths(lines: readonly string[], maxLineChars: number): void {
  lines.forEach((line, index) => {
    if (line.length > maxLineChars) {
      throw new WireFormatError(WireFormatErrorCode.MALFORMED_INPUT, 'Line too long for text copy', {
        reason: 'line-too-long',
        line: index + 1,
        length: line.length,
        limit: maxLineChars,
      });
    }
  });
}
