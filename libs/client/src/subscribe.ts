import { Header, Topic } from '@copydesk/contracts';
import { InboundMessage, KafkaConnection, subscribe as subscribeTopics, Subscription } from '@copydesk/kafka';
import { PublishedStoryEvent } from './published-event';

export type { Subscription } from '@copydesk/kafka';

export interface SubscribeOptions {
  brokers: string[];
  /** Consumer group; a subscriber that restarts with the same group resumes where it stopped. */
  groupId?: string;
  fromBeginning?: boolean;
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
  const connection = new KafkaConnection({ brokers: options.brokers, clientId: 'copydesk-client' });
  return subscribeTopics(connection, { topics: [topic], groupId: options.groupId, fromBeginning: options.fromBeginning }, (m) => handler(toEvent(m)));
}

/** A published story event from its Kafka message (CloudEvents 1.0, Kafka binary binding). */
export function toEvent(message: InboundMessage): PublishedStoryEvent {
  const { headers } = message;
  return {
    id: headers[Header.CeId],
    source: headers[Header.CeSource],
    type: headers[Header.CeType] as PublishedStoryEvent['type'],
    time: headers[Header.CeTime],
    specversion: headers[Header.CeSpecVersion],
    subject: headers[Header.CeSubject],
    storyId: message.key ?? '',
    itemId: headers[Header.ItemId],
    sourceId: headers[Header.SourceId],
    data: JSON.parse(message.value?.toString('utf8') ?? '{}'),
    headers,
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
  };
}
