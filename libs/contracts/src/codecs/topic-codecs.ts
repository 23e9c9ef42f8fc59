import { ContractError } from '../errors/contract-error';
import { ContractErrorCode } from '../errors/contract-error-code.enum';
import { NormalisedItemMessage } from '../normalised-item';
import { StoryVersionMessage } from '../story-version';
import { Topic } from '../topics';
import { DeadLetterCodec } from './dead-letter.codec';
import { JsonTopicCodec } from './json-topic.codec';
import { KafkaRecord } from './kafka-record';
import { RawSubmissionCodec } from './raw-submission.codec';
import { StoryEventCodec } from './story-event.codec';

/** One codec per topic: the only way messages are written to and read from Copydesk's topics. */
export const TOPIC_CODECS = {
  [Topic.WireRaw]: new RawSubmissionCodec(),
  [Topic.WireNormalised]: new JsonTopicCodec<NormalisedItemMessage>(Topic.WireNormalised, (m) => m.sourceId),
  [Topic.StoryVersions]: new JsonTopicCodec<StoryVersionMessage>(Topic.StoryVersions, (v) => v.storyId),
  [Topic.StoryPublished]: new StoryEventCodec(Topic.StoryPublished),
  [Topic.StoryLatest]: new StoryEventCodec(Topic.StoryLatest),
  [Topic.WireDlq]: new DeadLetterCodec(),
} as const;

export type TopicCodecs = typeof TOPIC_CODECS;
/** What a consumer of `T` is given: the decoded, validated message. */
export type DecodedMessage<T extends Topic> = ReturnType<TopicCodecs[T]['decode']>;
/** What a producer on `T` gives its codec. */
export type EncodableMessage<T extends Topic> = Parameters<TopicCodecs[T]['encode']>[0];

export function codecFor<T extends Topic>(topic: T): TopicCodecs[T] {
  return TOPIC_CODECS[topic];
}

function isTopic(topic: string): topic is Topic {
  return Object.prototype.hasOwnProperty.call(TOPIC_CODECS, topic);
}

/**
 * The payload a consumer of the message's topic sees, decoded and validated by the topic's
 * codec: a RawSubmission, a NormalisedItemMessage, a StoryVersionMessage, a StoryEvent or a
 * DeadLetter. Throws ContractError (UNKNOWN_TOPIC, MALFORMED_MESSAGE, INVALID_MESSAGE).
 */
export function decodeTopicMessage(message: KafkaRecord): unknown {
  if (!isTopic(message.topic)) throw new ContractError(ContractErrorCode.UnknownTopic, `no codec for topic ${message.topic}`);
  return codecFor(message.topic).decode(message);
}
