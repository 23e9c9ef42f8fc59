import { Static, Type } from '@sinclair/typebox';
import { Header } from './headers';
import { HeaderFields } from './schemas/header-fields';
import { ItemId, Uuid } from './schemas/json-schema';

const TRACEPARENT = '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';
const TRACEPARENT_PATTERN = new RegExp(TRACEPARENT);
const MAX_TRACESTATE = 512;

/** W3C Trace Context, carried from message to message in its `traceparent` and `tracestate` headers. */
export const MessageContextSchema = Type.Object({
  traceparent: Type.Optional(
    Type.String({
      pattern: TRACEPARENT,
      description:
        "W3C traceparent: the span that made this message (the request or message it came from, while tracing is on; else that one's traceparent, passed on unchanged).",
    }),
  ),
  tracestate: Type.Optional(Type.String({ maxLength: MAX_TRACESTATE, description: 'W3C tracestate, passed on with its traceparent.' })),
});

/**
 * What an outgoing message inherits from the request or message being handled: its trace
 * context. The correlation ids (submission, source, item, story) come from the value itself.
 */
export type MessageContext = Static<typeof MessageContextSchema>;

export const TRACE_HEADERS = new HeaderFields(MessageContextSchema, { traceparent: Header.TraceParent, tracestate: Header.TraceState });

/** The same context as CloudEvents' distributed tracing extension attributes (`ce_traceparent`, `ce_tracestate` in the Kafka binary binding). */
export const CLOUD_EVENT_TRACE_HEADERS = new HeaderFields(MessageContextSchema, { traceparent: Header.CeTraceParent, tracestate: Header.CeTraceState });

/**
 * The trace context of an inbound message's (or HTTP request's) headers. A traceparent that
 * is not well-formed is dropped with its tracestate, as W3C Trace Context asks, so it never
 * reaches a topic whose contract it would break.
 */
export function messageContextOf(headers: Readonly<Record<string, string | undefined>>): MessageContext {
  const traceparent = headers[Header.TraceParent]?.trim().toLowerCase();
  if (!traceparent || !TRACEPARENT_PATTERN.test(traceparent)) return {};
  const tracestate = headers[Header.TraceState]?.trim();
  return tracestate && tracestate.length <= MAX_TRACESTATE ? { traceparent, tracestate } : { traceparent };
}

/** The trace headers an outgoing message carries for `context` (none when it has no well-formed traceparent). */
export function traceHeaders(context: MessageContext = {}): Record<string, string> {
  return TRACE_HEADERS.write(wellFormed(context));
}

/** A CloudEvent's trace headers for `context`: the W3C ones and the distributed tracing extension's, with the same values. */
export function cloudEventTraceHeaders(context: MessageContext = {}): Record<string, string> {
  const trace = wellFormed(context);
  return { ...TRACE_HEADERS.write(trace), ...CLOUD_EVENT_TRACE_HEADERS.write(trace) };
}

function wellFormed(context: MessageContext): MessageContext {
  return messageContextOf({ [Header.TraceParent]: context.traceparent, [Header.TraceState]: context.tracestate });
}

/** The ids that follow the work from stage to stage, in headers, for logs and dead letters. */
export const CorrelationIdsSchema = Type.Object({
  submissionId: Type.Optional(Uuid()),
  sourceId: Type.Optional(Uuid()),
  itemId: Type.Optional(ItemId()),
  storyId: Type.Optional(Uuid()),
});
export type CorrelationIds = Static<typeof CorrelationIdsSchema>;

export const CORRELATION_HEADERS = new HeaderFields(CorrelationIdsSchema, {
  submissionId: Header.SubmissionId,
  sourceId: Header.SourceId,
  itemId: Header.ItemId,
  storyId: Header.StoryId,
});
