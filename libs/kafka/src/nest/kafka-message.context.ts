import { BaseRpcContext } from '@nestjs/microservices';
import { HeaderMap, InboundMessage } from '../message';

/** What a handler can learn about the Kafka message it was given (`@Ctx()`). */
export class KafkaMessageContext extends BaseRpcContext<[InboundMessage]> {
  constructor(args: [InboundMessage]) {
    super(args);
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
  constructor(args: [InboundMessage[]]) {
    super(args);
  }

  getMessages(): InboundMessage[] {
    return this.args[0];
  }
}
