import { BaseRpcContext } from '@nestjs/microservices';
import type { TraceContext } from '@copydesk/observability';
import { HeaderMap, InboundMessage } from '../message';
import { inboundTraceContext } from '../tracing/message-spans';

/** What a handler can learn about the Kafka message it was given (`@Ctx()`). */
export class KafkaMessageContext extends BaseRpcContext<[InboundMessage]> {
  /** `trace`: the context of the message's consumer span; by default the one the message carries. */
  constructor(
    args: [InboundMessage],
    private readonly trace: TraceContext = inboundTraceContext(args[0]),
  ) {
    super(args);
  }

  /** The trace context what this message leads to carries on: its consumer span's (with tracing off, the message's own, unchanged). */
  getTraceContext(): TraceContext {
    return this.trace;
  }

  getMessage(): InboundMessage {
    return this.args[0];
  }
  getTopic(): string {
    return this.args[0].topic;
  }
  getPartition(): number {
    return this.args[0].partition;
  }
  getOffset(): string {
    return this.args[0].offset;
  }
  getKey(): string | null {
    return this.args[0].key;
  }
  getHeaders(): HeaderMap {
    return this.args[0].headers;
  }
}

/** The context of a batch handler (`@EventPattern(topic, { batch: true })`): every message, in order. */
export class KafkaBatchContext extends BaseRpcContext<[InboundMessage[]]> {
  /** `traces[i]`: the context of message i's consumer span; by default the one the message carries. */
  constructor(
    args: [InboundMessage[]],
    private readonly traces: readonly TraceContext[] = args[0].map(inboundTraceContext),
  ) {
    super(args);
  }

  getMessages(): InboundMessage[] {
    return this.args[0];
  }

  /** Per message, in order, the trace context what it leads to carries on (see `KafkaMessageContext.getTraceContext`). */
  getTraceContexts(): readonly TraceContext[] {
    return this.traces;
  }
}
