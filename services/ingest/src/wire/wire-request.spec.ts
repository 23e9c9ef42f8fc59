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

const receivedAt = new Date('2025-03-21T10:00:05Z');

describe('readWireRequest', () => {
  it('keeps the content type as sent (its charset travels in it), and reads the capture time and the idempotency key', () => {
    expect(readWireRequest({ contentType: ' text/plain; charset="UTF-8"', capturedAt: '2025-03-21T10:00:00Z', idempotencyKey: 'abc-1' }, receivedAt)).toEqual({
      contentType: 'text/plain; charset="UTF-8"',
      capturedAt: new Date('2025-03-21T10:00:00Z'),
      idempotencyKey: 'abc-1',
      trace: {},
    });
  });

  it('admits e-mail as message/rfc822, as it does every media type a parser may read', () => {
    expect(readWireRequest({ contentType: 'message/rfc822' }).contentType).toBe('message/rfc822');
  });

  it('defaults the content type to application/octet-stream', () => {
    expect(readWireRequest({})).toEqual({ contentType: 'application/octet-stream', trace: {} });
  });

  it('passes on a well-formed W3C trace context, and drops one that is not', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(readWireRequest({ traceparent, tracestate: 'desk=1' }).trace).toEqual({ traceparent, tracestate: 'desk=1' });
    expect(readWireRequest({ traceparent: 'not-a-trace', tracestate: 'desk=1' }).trace).toEqual({});
  });

  it('accepts offsets and fractions in the capture time', () => {
    expect(readWireRequest({ capturedAt: '2025-03-21T12:00:00.250+02:00' }, receivedAt).capturedAt?.toISOString()).toBe('2025-03-21T10:00:00.250Z');
  });

  it('refuses a capture time more than 5 minutes ahead of the receive time, or absurdly old, as INVALID_CAPTURED_AT', () => {
    expect(readWireRequest({ capturedAt: '2025-03-21T10:05:05Z' }, receivedAt).capturedAt?.toISOString()).toBe('2025-03-21T10:05:05.000Z');
    expect(codeOf(() => readWireRequest({ capturedAt: '2025-03-21T10:05:06Z' }, receivedAt))).toBe('INVALID_CAPTURED_AT');
    expect(codeOf(() => readWireRequest({ capturedAt: '2099-01-01T00:00:00Z' }, receivedAt))).toBe('INVALID_CAPTURED_AT');
    expect(readWireRequest({ capturedAt: '2015-03-24T10:00:05Z' }, receivedAt).capturedAt?.toISOString()).toBe('2015-03-24T10:00:05.000Z');
    expect(codeOf(() => readWireRequest({ capturedAt: '1970-01-01T00:00:00Z' }, receivedAt))).toBe('INVALID_CAPTURED_AT');
    const bounds = { maxAheadMs: 0, maxAgeMs: 60_000 };
    expect(codeOf(() => readWireRequest({ capturedAt: '2025-03-21T10:00:06Z' }, receivedAt, bounds))).toBe('INVALID_CAPTURED_AT');
    expect(codeOf(() => readWireRequest({ capturedAt: '2025-03-21T09:59:04Z' }, receivedAt, bounds))).toBe('INVALID_CAPTURED_AT');
    expect(codeOf(() => readWireRequest({ capturedAt: '2025-03-21T09:59:05Z' }, receivedAt, bounds))).toBeUndefined();
  });

  it('rejects bad headers with stable codes', () => {
    expect(codeOf(() => readWireRequest({ capturedAt: 'yesterday' }))).toBe('INVALID_CAPTURED_AT');
    expect(codeOf(() => readWireRequest({ capturedAt: '2025-03-21T10:00:00' }, receivedAt))).toBe('INVALID_CAPTURED_AT');
    expect(codeOf(() => readWireRequest({ idempotencyKey: '' }))).toBe('INVALID_IDEMPOTENCY_KEY');
    expect(codeOf(() => readWireRequest({ idempotencyKey: 'x'.repeat(256) }))).toBe('INVALID_IDEMPOTENCY_KEY');
    expect(codeOf(() => readWireRequest({ contentType: 'not a type' }))).toBe('INVALID_CONTENT_TYPE');
    expect(codeOf(() => readWireRequest({ contentType: '; charset=utf-8' }))).toBe('INVALID_CONTENT_TYPE');
    expect(codeOf(() => readWireRequest({ contentType: 'application/x-copy~draft' }))).toBeUndefined();
  });
});
