import { isWireFormatError, WireFormatError } from './wire-format.error';
import { WireFormatErrorCode } from './wire-format-error-code.enum';

describe('WireFormatError', () => {
  it('carries a stable code, a message and details', () => {
    const error = new WireFormatError(WireFormatErrorCode.TOO_LARGE, 'Body too large', { size: 10, limit: 5 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(WireFormatError);
    expect(isWireFormatError(error)).toBe(true);
    expect(error.name).toBe('WireFormatError');
    expect(error.code).toBe('TOO_LARGE');
    expect(error.details).toEqual({ size: 10, limit: 5 });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      error: 'TOO_LARGE',
      message: 'Body too large',
      details: { size: 10, limit: 5 },
    });
  });

  it('defaults details to an empty object', () => {
    expect(new WireFormatError(WireFormatErrorCode.EMPTY_BODY, 'x').details).toEqual({});
    expect(isWireFormatError(new Error('x'))).toBe(false);
  });
});
