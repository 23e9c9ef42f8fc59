import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { spanContextOf, traceIdOf } from './trace-context';
import { inSpan, startSpan, startTracing, stopTracing, tracingEnabled } from './tracing';

const parent = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'vendor=1' };
const exporter = new InMemorySpanExporter();

beforeAll(() => {
  expect(startTracing({ service: 'test', exporter })).toBe(true);
});
afterEach(() => exporter.reset());
afterAll(() => stopTracing());

const finished = (name: string) => {
  const span = exporter.getFinishedSpans().find((s) => s.name === name);
  if (!span) throw new Error(`no finished span ${name}`);
  return span;
};

describe('spans with tracing on', () => {
  it('is on with an exporter, and names the service copydesk-<service>', () => {
    expect(tracingEnabled()).toBe(true);
    startSpan('named').end();
    expect(finished('named').resource.attributes['service.name']).toBe('copydesk-test');
  });

  it('continues the trace of the parent context, and hands on its own span', () => {
    const span = startSpan('child', { parent, kind: SpanKind.CONSUMER, attributes: { 'messaging.system': 'kafka' } });
    span.end();
    const child = finished('child');
    expect(child.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(child.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(child.kind).toBe(SpanKind.CONSUMER);
    expect(child.attributes['messaging.system']).toBe('kafka');
    expect(spanContextOf(span.context)).toMatchObject({ traceId: child.spanContext().traceId, spanId: child.spanContext().spanId });
    expect(span.context.tracestate).toBe('vendor=1');
  });

  it('starts a trace when the parent context names none', () => {
    const span = startSpan('root', { parent: { traceparent: 'not-a-traceparent' } });
    span.end();
    expect(finished('root').parentSpanContext).toBeUndefined();
    expect(traceIdOf(span.context)).toMatch(/^[0-9a-f]{32}$/);
    expect(traceIdOf(span.context)).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('makes a span without a parent context the child of the active span', async () => {
    await inSpan('outer', { parent }, async () => {
      await inSpan('inner', {}, async () => undefined);
    });
    expect(finished('inner').parentSpanContext?.spanId).toBe(finished('outer').spanContext().spanId);
    expect(finished('inner').spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('links the traces it is given, leaving out malformed ones', () => {
    const other = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    startSpan('linked', { parent: {}, links: [parent, { traceparent: other }, { traceparent: 'bad' }] }).end();
    expect(finished('linked').links.map((l) => l.context.traceId)).toEqual(['4bf92f3577b34da6a3ce929d0e0e4736', '0af7651916cd43dd8448eb211c80319c']);
  });

  it('marks a span failed, with the error, when its work throws, and lets the error through', async () => {
    await expect(
      inSpan('failing', { parent }, async () => {
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
    const span = finished('failing');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'database down' });
    expect(span.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('renames a span, as a server span is once its route is known', () => {
    const span = startSpan('POST');
    span.rename('POST /v1/wire');
    span.end();
    expect(finished('POST /v1/wire').name).toBe('POST /v1/wire');
  });
});
