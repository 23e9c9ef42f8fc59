import { Attributes, context, Context, Link, Span, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { extractTraceContext, injectTraceContext, spanContextOf, TraceContext } from './trace-context';

export { SpanKind };

export interface TracingOptions {
  /** The service's short name: the service name is `copydesk-<service>` unless `OTEL_SERVICE_NAME` says otherwise. */
  service: string;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`): tracing is on only when one is set. */
  endpoint?: string;
  /** Where spans go instead of OTLP, one at a time (specs). */
  exporter?: SpanExporter;
}

let provider: NodeTracerProvider | undefined;
let tracer: Tracer | undefined;

/**
 * Turns tracing on for this process when an OTLP endpoint is configured: spans are batched
 * and sent over OTLP/HTTP (JSON), the OpenTelemetry SDK reading its standard `OTEL_*`
 * variables (`OTEL_BSP_SCHEDULE_DELAY`, `OTEL_TRACES_SAMPLER`, `OTEL_RESOURCE_ATTRIBUTES`...).
 * Otherwise nothing is set up, and every span helper below costs a branch.
 */
export function startTracing(options: TracingOptions): boolean {
  if (provider) return true;
  if (!options.endpoint && !options.exporter) return false;
  // The SDK is loaded only here: a service that does not trace never pays for loading it.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { defaultResource, detectResources, envDetector, resourceFromAttributes } =
    require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { BatchSpanProcessor, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const sdk = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { ATTR_SERVICE_NAME } = require('@opentelemetry/semantic-conventions') as typeof import('@opentelemetry/semantic-conventions');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const resource = defaultResource()
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: `copydesk-${options.service}` }))
    .merge(detectResources({ detectors: [envDetector] }));
  const processor = options.exporter ? new SimpleSpanProcessor(options.exporter) : new BatchSpanProcessor(new OTLPTraceExporter());
  provider = new sdk.NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  tracer = provider.getTracer('copydesk');
  return true;
}

/** Sends the spans still buffered and turns tracing off (the last step of a shutdown). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = undefined;
  tracer = undefined;
  if (!stopping) return;
  await stopping.shutdown();
  trace.disable();
  context.disable();
}

export function tracingEnabled(): boolean {
  return tracer !== undefined;
}

export interface SpanOptions {
  kind?: SpanKind;
  /**
   * The request's or message's trace context: the span continues that trace, or starts one
   * when it names none. Without it, the span is a child of the active span (if any).
   */
  parent?: TraceContext;
  /** Other traces the span belongs with (the messages of a batch). */
  links?: readonly TraceContext[];
  attributes?: Attributes;
}

/** A started span; `context` is what the work it covers hands on to what it sends. */
export interface TracedSpan {
  /** The span's trace context; with tracing off, the parent's, passed on unchanged. */
  readonly context: TraceContext;
  setAttributes(attributes: Attributes): void;
  rename(name: string): void;
  /** Ends the span; with an error, marks it failed and records the error. */
  end(error?: unknown): void;
  /** Runs `work` with this span active, so spans started inside it are its children. */
  run<T>(work: () => T): T;
}

const EMPTY: TraceContext = {};

/** With tracing off: no span, the parent's context handed on as it came. */
class UntracedSpan implements TracedSpan {
  constructor(readonly context: TraceContext) {}
  setAttributes(): void {}
  rename(): void {}
  end(): void {}
  run<T>(work: () => T): T {
    return work();
  }
}
const UNTRACED = new UntracedSpan(EMPTY);

class OtelSpan implements TracedSpan {
  readonly context: TraceContext;
  private readonly active: Context;

  constructor(
    private readonly span: Span,
    parent: Context,
  ) {
    this.context = injectTraceContext(span.spanContext());
    this.active = trace.setSpan(parent, span);
  }

  setAttributes(attributes: Attributes): void {
    this.span.setAttributes(attributes);
  }

  rename(name: string): void {
    this.span.updateName(name);
  }

  end(error?: unknown): void {
    if (error !== undefined) {
      this.span.recordException(error instanceof Error ? error : String(error));
      this.span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    }
    this.span.end();
  }

  run<T>(work: () => T): T {
    return context.with(this.active, work);
  }
}

/** What stands for a span with tracing off: it hands `context` on unchanged. */
export function passThroughSpan(context: TraceContext): TracedSpan {
  return new UntracedSpan(context);
}

/** Starts a span (see `SpanOptions`); the caller ends it. */
export function startSpan(name: string, options: SpanOptions = {}): TracedSpan {
  if (!tracer) return options.parent ? new UntracedSpan(options.parent) : UNTRACED;
  const parent = options.parent ? extractTraceContext(options.parent) : context.active();
  const links: Link[] = [];
  for (const carrier of options.links ?? []) {
    const linked = spanContextOf(carrier);
    if (linked) links.push({ context: linked });
  }
  const span = tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, links }, parent);
  return new OtelSpan(span, parent);
}

/** Runs `work` in a span that ends when it settles, failed if it throws. */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: TracedSpan) => Promise<T>): Promise<T> {
  if (!tracer) return work(options.parent ? new UntracedSpan(options.parent) : UNTRACED);
  const span = startSpan(name, options);
  try {
    const result = await span.run(() => work(span));
    span.end();
    return result;
  } catch (e) {
    span.end(e);
    throw e;
  }
}
