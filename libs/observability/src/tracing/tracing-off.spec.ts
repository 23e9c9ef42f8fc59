import { inSpan, passThroughSpan, startSpan, startTracing, tracingEnabled } from './tracing';

const parent = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'vendor=1' };

describe('with tracing off', () => {
  it('stays off without an OTLP endpoint', () => {
    expect(startTracing({ service: 'test' })).toBe(false);
    expect(tracingEnabled()).toBe(false);
  });

  it('hands the parent context on unchanged, as a message passed it before', async () => {
    expect(startSpan('work', { parent }).context).toBe(parent);
    expect(passThroughSpan(parent).context).toBe(parent);
    await expect(inSpan('work', { parent }, async (span) => span.context)).resolves.toBe(parent);
    expect(startSpan('work').context).toEqual({});
  });

  it('still lets failures through', async () => {
    await expect(
      inSpan('work', { parent }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });
});
