import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { Header } from '@copydesk/contracts';
import { startTracing, stopTracing, traceIdOf } from '@copydesk/observability';
import { InboundMessage } from '../message';
import { startBatchSpans, startProcessSpan, startSendSpans } from './message-spans';

const A = '4bf92f3577b34da6a3ce929d0e0e4736';
const B = '0af7651916cd43dd8448eb211c80319c';

function message(offset: number, traceparent?: string): InboundMessage {
  return {
    topic: 'wire.normalised.v1',
    partition: 2,
    offset: String(offset),
    key: 'source-1',
    value: Buffer.from('{}'),
    headers: { [Header.SubmissionId]: `submission-${offset}`, ...(traceparent ? { [Header.TraceParent]: traceparent } : {}) },
    timestamp: '0',
  };
}

const batch = [message(10, `00-${A}-00f067aa0ba902b7-01`), message(11, `00-${B}-b7ad6b7169203331-01`), message(12)];

describe('message spans with tracing off', () => {
  it('hand on the context each message carries, unchanged', () => {
    const spans = startBatchSpans(batch, 'group');
    expect(spans.messages.map((s) => s.context)).toEqual([{ traceparent: batch[0].headers.traceparent }, { traceparent: batch[1].headers.traceparent }, {}]);
    expect(startProcessSpan(batch[1], 'group').context).toEqual({ traceparent: batch[1].headers.traceparent });
    spans.end();
  });
});

describe('message spans with tracing on', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => startTracing({ service: 'test', exporter }));
  afterEach(() => exporter.reset());
  afterAll(() => stopTracing());

  it('give each message of a batch a consumer span in its own trace, linked to the batch span', () => {
    const spans = startBatchSpans(batch, 'dedupe-group');
    spans.end();
    // What each message leads to carries its own trace, never the batch's first.
    expect(traceIdOf(spans.messages[0].context)).toBe(A);
    expect(traceIdOf(spans.messages[1].context)).toBe(B);
    expect(traceIdOf(spans.messages[2].context)).not.toBe(A);
    expect(traceIdOf(spans.messages[2].context)).not.toBe(B);

    const finished = exporter.getFinishedSpans();
    const batchSpan = finished.find((s) => s.name === 'process batch wire.normalised.v1')!;
    expect(batchSpan.parentSpanContext).toBeUndefined();
    expect(batchSpan.attributes['messaging.batch.message_count']).toBe(3);
    expect(batchSpan.links.map((l) => l.context.traceId)).toEqual([A, B]);

    const perMessage = finished.filter((s) => s.name === 'process wire.normalised.v1');
    expect(perMessage.map((s) => s.attributes['messaging.kafka.offset'])).toEqual([10, 11, 12]);
    expect(perMessage.map((s) => s.attributes['copydesk.submission_id'])).toEqual(['submission-10', 'submission-11', 'submission-12']);
    expect(perMessage.map((s) => s.parentSpanContext?.spanId)).toEqual(['00f067aa0ba902b7', 'b7ad6b7169203331', undefined]);
    for (const span of perMessage) {
      expect(span.kind).toBe(SpanKind.CONSUMER);
      expect(span.links.map((l) => l.context.spanId)).toEqual([batchSpan.spanContext().spanId]);
    }
  });

  it('mark every span of a batch failed when the batch fails', () => {
    startBatchSpans(batch.slice(0, 2), 'group').end(new Error('database down'));
    expect(exporter.getFinishedSpans().map((s) => s.status.message)).toEqual(['database down', 'database down', 'database down']);
  });

  it('give each message an outbox relay sends a producer span in the trace its record was written in', () => {
    const sends = startSendSpans([
      { topic: 'story.versions.v1', key: 'k', value: '{}', headers: { [Header.TraceParent]: `00-${A}-00f067aa0ba902b7-01`, [Header.OutboxId]: 'dedupe:7' } },
      { topic: 'story.versions.v1', key: 'k', value: '{}', headers: { [Header.TraceParent]: `00-${B}-b7ad6b7169203331-01` } },
    ]);
    sends.end();
    const finished = exporter.getFinishedSpans();
    expect(finished.map((s) => [s.name, s.kind, s.spanContext().traceId, s.parentSpanContext?.spanId])).toEqual([
      ['send story.versions.v1', SpanKind.PRODUCER, A, '00f067aa0ba902b7'],
      ['send story.versions.v1', SpanKind.PRODUCER, B, 'b7ad6b7169203331'],
    ]);
    expect(finished[0].attributes['copydesk.outbox_id']).toBe('dedupe:7');
  });
});
