import { randomUUID } from 'node:crypto';
import { Header, Topic } from '@copydesk/contracts';
import { createKafkaClient, headerMap } from '@copydesk/kafka';
import { PublishedStoryEvent } from './published-event';

export interface SubscribeOptions {
  brokers: string[];
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
 * Subscribes to published story events (`story.published.v1` or `story.latest.v1`);
 * the handler gets each event decoded from the CloudEvents Kafka binary binding.
 */
export function subscribe(
  topic: Topic.StoryPublished | Topic.StoryLatest,
  handler: (event: PublishedStoryEvent) => void | Promise<void>,
  options: SubscribeOptions,
): Subscription {
  const kafka = createKafkaClient({ brokers: options.brokers, clientId: 'copydesk-client' });
  const consumer = kafka.consumer({ groupId: options.groupId ?? `copydesk-client-${randomUUID()}` });
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => resolveReady());
  const started = (async () => {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? false });
    await consumer.run({
      eachMessage: async ({ topic: t, partition, message }) => {
        const headers = headerMap(message.headers as Record<string, unknown>);
        await handler({
          id: headers[Header.CeId],
          source: headers[Header.CeSource],
          type: headers[Header.CeType] as PublishedStoryEvent['type'],
          time: headers[Header.CeTime],
          specversion: headers[Header.CeSpecVersion],
          subject: headers[Header.CeSubject],
          storyId: message.key?.toString('utf8') ?? '',
          itemId: headers[Header.ItemId],
          sourceId: headers[Header.SourceId],
          data: JSON.parse(message.value?.toString('utf8') ?? '{}'),
          headers,
          topic: t,
          partition,
          offset: message.offset,
        });
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
