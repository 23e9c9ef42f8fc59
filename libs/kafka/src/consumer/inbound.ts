import { KafkaMessage } from 'kafkajs';
import { headerMap, InboundMessage } from '../message';

/** A kafkajs message as this library hands it out. */
export function toInbound(topic: string, partition: number, m: KafkaMessage): InboundMessage {
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key ? m.key.toString('utf8') : null,
    value: m.value,
    headers: headerMap(m.headers as Record<string, unknown>),
    timestamp: m.timestamp,
  };
}
