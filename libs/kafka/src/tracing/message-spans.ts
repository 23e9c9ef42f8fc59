import { Header, messageContextOf } from '@copydesk/contracts';
import { passThroughSpan, SpanKind, startSpan, TraceContext, TracedSpan, tracingEnabled } from '@copydesk/observability';
import { InboundMessage, OutgoingMessage } from '../message';

// Attribute names of OpenTelemetry's messaging conventions, spelled out: they are still in the
// conventions' incubating set, which the package does not promise to keep stable.
const SYSTEM = 'messaging.system';
const OPERATION = 'messaging.operation.type';
const DESTINATION = 'messaging.destination.name';
const PARTITION = 'messaging.destination.partition.id';
const OFFSET = 'messaging.kafka.offset';
const KEY = 'messaging.kafka.message.key';
const GROUP = 'messaging.consumer.group.name';
const BATCH_COUNT = 'messaging.batch.message_count';

/** The trace context an inbound message carries in its `traceparent` and `tracestate` headers. */
export function inboundTraceContext(message: InboundMessage): TraceContext {
  return messageContextOf(message.headers);
}

function processAttributes(message: InboundMessage, groupId: string) {
  return {
    [SYSTEM]: 'kafka',
    [OPERATION]: 'process',
    [DESTINATION]: message.topic,
    [PARTITION]: String(message.partition),
    [OFFSET]: Number(message.offset),
    [GROUP]: groupId,
    ...(message.key !== null ? { [KEY]: message.key } : {}),
    ...ids(message.headers),
  };
}

function ids(headers: Readonly<Record<string, string | undefined>>) {
  const out: Record<string, string> = {};
  for (const [attribute, header] of [
    ['copydesk.submission_id', Header.SubmissionId],
    ['copydesk.source_id', Header.SourceId],
    ['copydesk.item_id', Header.ItemId],
    ['copydesk.story_id', Header.StoryId],
  ] as const) {
    const value = headers[header];
    if (value !== undefined) out[attribute] = value;
  }
  return out;
}

/** The consumer span of one message: a child of the context the message carries (a new trace when it carries none). */
export function startProcessSpan(message: InboundMessage, groupId: string, links: readonly TraceContext[] = []): TracedSpan {
  if (!tracingEnabled()) return passThroughSpan(inboundTraceContext(message));
  return startSpan(`process ${message.topic}`, {
    kind: SpanKind.CONSUMER,
    parent: inboundTraceContext(message),
    links,
    attributes: processAttributes(message, groupId),
  });
}

export interface BatchSpans {
  /** The batch's own span: the transaction and everything else done for all its messages at once happen under it. */
  batch: TracedSpan;
  /** One per message, in order: each continues its own message's trace, linked to the batch span. */
  messages: TracedSpan[];
  end(error?: unknown): void;
}

/**
 * Spans for a batch of messages handled at once. The messages of one batch come from many
 * requests, so no one trace can hold the batch: the batch span starts a trace of its own,
 * linked to every message's, and each message gets a consumer span in its own trace, linked
 * back to the batch span. What a message leads to carries its own span's context, never the
 * batch's or another message's.
 */
export function startBatchSpans(messages: readonly InboundMessage[], groupId: string): BatchSpans {
  if (!tracingEnabled()) return { batch: passThroughSpan({}), messages: messages.map((m) => passThroughSpan(inboundTraceContext(m))), end: () => undefined };
  const first = messages[0];
  const batch = startSpan(`process batch ${first.topic}`, {
    kind: SpanKind.CONSUMER,
    parent: {},
    links: messages.map(inboundTraceContext),
    attributes: {
      [SYSTEM]: 'kafka',
      [OPERATION]: 'process',
      [DESTINATION]: first.topic,
      [PARTITION]: String(first.partition),
      [GROUP]: groupId,
      [BATCH_COUNT]: messages.length,
    },
  });
  const spans = messages.map((m) => startProcessSpan(m, groupId, [batch.context]));
  return {
    batch,
    messages: spans,
    end(error?: unknown) {
      for (const span of spans) span.end(error);
      batch.end(error);
    },
  };
}

/** The producer span of a message on its way to `message.topic` (sent directly or by an outbox relay). */
export function startSendSpan(topic: string, parent: TraceContext, attributes: Record<string, string | number> = {}): TracedSpan {
  if (!tracingEnabled()) return passThroughSpan(parent);
  return startSpan(`send ${topic}`, {
    kind: SpanKind.PRODUCER,
    parent,
    attributes: { [SYSTEM]: 'kafka', [OPERATION]: 'send', [DESTINATION]: topic, ...attributes },
  });
}

/** Publishes `messages` under one producer span (they share a parent: the request or message they came from). */
export function sendInSpan(topic: string, parent: TraceContext, count: number, send: () => Promise<void>): Promise<void> {
  return sendInSpans(topic, [{ parent, count }], send);
}

/**
 * One send carrying the messages of several parents (the submissions of a batch, say), with
 * a producer span for each parent: `count` of the messages are its.
 */
export async function sendInSpans(topic: string, parents: { parent: TraceContext; count: number }[], send: () => Promise<void>): Promise<void> {
  const spans = parents.map((p) => startSendSpan(topic, p.parent, { [BATCH_COUNT]: p.count }));
  try {
    await send();
    for (const span of spans) span.end();
  } catch (e) {
    for (const span of spans) span.end(e);
    throw e;
  }
}

/** The trace context an outgoing message carries (its `traceparent` and `tracestate` headers). */
export function outgoingTraceContext(message: OutgoingMessage): TraceContext {
  return messageContextOf(message.headers ?? {});
}

/**
 * One producer span per message of a batch sent at once (an outbox relay's), each a child of
 * the context its own message carries; ended together when the broker has answered.
 */
export function startSendSpans(messages: readonly OutgoingMessage[]): { end(error?: unknown): void } {
  if (!tracingEnabled()) return NO_SPANS;
  const spans = messages.map((m) =>
    startSendSpan(m.topic, outgoingTraceContext(m), m.headers?.[Header.OutboxId] ? { 'copydesk.outbox_id': m.headers[Header.OutboxId] } : {}),
  );
  return {
    end(error?: unknown) {
      for (const span of spans) span.end(error);
    },
  };
}

const NO_SPANS = { end(): void {} };
