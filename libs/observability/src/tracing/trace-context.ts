import { Context, isSpanContextValid, ROOT_CONTEXT, SpanContext, TextMapGetter, TextMapSetter, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * W3C Trace Context as it travels: in HTTP headers, Kafka headers and outbox rows. The same
 * shape as the contracts' `MessageContext`.
 */
export interface TraceContext {
  traceparent?: string;
  tracestate?: string;
}

// OpenTelemetry's own W3C propagator reads and writes the headers (versions, flags, tracestate
// rules), always this one rather than the global propagator, so a context passes on unchanged
// even where no SDK was registered.
const propagator = new W3CTraceContextPropagator();

const getter: TextMapGetter<TraceContext> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => (key === 'traceparent' ? carrier.traceparent : key === 'tracestate' ? carrier.tracestate : undefined),
};

const setter: TextMapSetter<TraceContext> = {
  set: (carrier, key, value) => {
    if (key === 'traceparent') carrier.traceparent = value;
    else if (key === 'tracestate') carrier.tracestate = value;
  },
};

/** The OpenTelemetry context whose remote parent `carrier` names; `base` unchanged when it names none (absent or malformed). */
export function extractTraceContext(carrier: TraceContext, base: Context = ROOT_CONTEXT): Context {
  if (!carrier.traceparent) return base;
  return propagator.extract(base, carrier, getter);
}

/** The span context `carrier` names, if it names a valid one. */
export function spanContextOf(carrier: TraceContext): SpanContext | undefined {
  const spanContext = trace.getSpanContext(extractTraceContext(carrier));
  return spanContext && isSpanContextValid(spanContext) ? spanContext : undefined;
}

/** `traceparent` (and `tracestate`, when it has one) for a span context; empty for an invalid one. */
export function injectTraceContext(spanContext: SpanContext): TraceContext {
  const carrier: TraceContext = {};
  if (isSpanContextValid(spanContext)) propagator.inject(trace.setSpanContext(ROOT_CONTEXT, spanContext), carrier, setter);
  return carrier;
}

/** The trace id (32 hex digits) a carrier names, if it names a valid one. */
export function traceIdOf(carrier: TraceContext): string | undefined {
  return spanContextOf(carrier)?.traceId;
}
