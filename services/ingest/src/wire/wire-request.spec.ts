import { ApiError } from '@copydesk/observability';
import { readWireRequest } from './wire-request';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ApiError ? e.code : 'not an ApiError';
  }
  return undefined;
}

describe('readWireRequest', () => {
  it('reads the content type, its charset, the capture time and the idempotency key', () => {
    expect(
      readWireRequest({ contentType: 'text/plain; charset="UTF-8"', capturedAt: '2025-03-21T10:00:00Z', idempotencyKey: 'abc-1' }),
    ).toEqual({ contentType: 'text/plain; charset="UTF-8"', charset: 'utf-8', capturedAt: new Date('2025-03-21T10:00:00Z'), idempotencyKey: 'abc-1' });
  });

  it('defaults the content type to application/octet-stream', () => {
    expect(readWireRequest({})).toEqual({ contentType: 'application/octet-stream' });
  });

  it('accepts offsets and fractions in the capture time', () => {
    expect(readWireRequest({ capturedAt: '2025-03-21T12:00:00.250+02:00' }).capturedAt?.toISOString()).toBe('2025-03-21T10:00:00.250Z');
  });

  it('rejects bad headers with stable codes', () => {
    expect(codeOf(() => readWireRequest({ capturedAt: 'yesterday' }))).toBe('INVALID_CAPTURED_AT');
    expect(codeOf(() => readWireRequest({ capturedAt: '2025-03-21T10:00:00' }))).toBe('INVALID_CAPTURED_AT');
    expect(codeOf(() => readWireRequest({ idempotencyKey: '' }))).toBe('INVALID_IDEMPOTENCY_KEY');
    expect(codeOf(() => readWireRequest({ idempotencyKey: 'x'.repeat(256) }))).toBe('INVALID_IDEMPOTENCY_KEY');
    expect(codeOf(() => readWireRequest({ contentType: 'not a type' }))).toBe('INVALID_CONTENT_TYPE');
  });
});
