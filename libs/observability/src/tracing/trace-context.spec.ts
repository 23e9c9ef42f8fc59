import { TraceFlags } from '@opentelemetry/api';
import { extractTraceContext, injectTraceContext, spanContextOf, traceIdOf } from './trace-context';

const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('trace context headers', () => {
  it('reads a traceparent and its tracestate, and writes them back the same', () => {
    const spanContext = spanContextOf({ traceparent, tracestate: 'vendor=1,other=x' });
    expect(spanContext).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
    expect(injectTraceContext(spanContext!)).toEqual({ traceparent, tracestate: 'vendor=1,other=x' });
  });

  it('writes no tracestate when there is none, and keeps an unsampled flag', () => {
    const unsampled = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
    expect(injectTraceContext(spanContextOf({ traceparent: unsampled })!)).toEqual({ traceparent: unsampled });
  });

  it.each([
    ['all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['all-zero span id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['short trace id', '00-4bf92f3577b34da6a3ce929d0e0e47-00f067aa0ba902b7-01'],
    ['version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['no dashes', '004bf92f3577b34da6a3ce929d0e0e473600f067aa0ba902b701'],
    ['empty', ''],
  ])('names no parent for a malformed traceparent (%s)', (_what, value) => {
    expect(spanContextOf({ traceparent: value, tracestate: 'vendor=1' })).toBeUndefined();
    expect(traceIdOf({ traceparent: value })).toBeUndefined();
  });

  it('leaves the base context as it is when the carrier names no parent', () => {
    const base = extractTraceContext({});
    expect(extractTraceContext({ traceparent: 'garbage' }, base)).toBe(base);
  });

  it('gives the trace id of a well-formed traceparent', () => {
    expect(traceIdOf({ traceparent })).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('writes nothing for an invalid span context', () => {
    expect(injectTraceContext({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: TraceFlags.NONE })).toEqual({});
  });
});
