import { randomUUID } from 'node:crypto';
import { KafkaConnection } from '../connection/kafka-connection';
import { clientOf } from '../connection/kafkajs-client';
import { InboundMessage } from '../message';
import { toInbound } from '../consumer/inbound';

export interface SubscribeOptions {
  topics: string[];
  /** Consumer group; a subscriber that restarts with the same group resumes where it stopped. */
  groupId?: string;
  fromBeginning?: boolean;
}

export interface Subscription {
  /** Resolves once the consumer has joined its group and been given partitions. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * A plain subscriber for applications outside the pipeline: each message in order per
 * partition, offsets committed as kafkajs commits them after the handler returned.
 */
export function subscribe(connection: KafkaConnection, options: SubscribeOptions, handler: (message: InboundMessage) => void | Promise<void>): Subscription {
  const consumer = clientOf(connection).consumer({ groupId: options.groupId ?? `${connection.clientId}-${randomUUID()}` });
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => resolveReady());
  const started = (async () => {
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? false });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        await handler(toInbound(topic, partition, message));
      },
    });
  })();
  return {
    ready: Promise.race([ready, started.then(() => ready)]),
    close: async () => {
      await started.catch(() => undefined);
      await consumer.disconnect();
    },
  };
}
