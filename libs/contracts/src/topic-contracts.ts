import { TSchema, Type } from '@sinclair/typebox';
import { DeadLetterHeadersSchema, DeadLetterPayloadSchema } from './dead-letter';
import { NormalisedItemHeadersSchema, NormalisedItemMessageSchema } from './normalised-item';
import { RawSubmissionHeadersSchema, RawSubmissionPayloadSchema } from './raw-submission';
import { StoryEventHeadersSchema, StoryPublishedPayloadSchema } from './story-event';
import { StoryVersionHeadersSchema, StoryVersionMessageSchema } from './story-version';
import { Uuid } from './schemas/json-schema';
import { Topic } from './topics';

/** What a message on a topic is made of: the one description its codec validates by and the AsyncAPI document shows. */
export interface TopicContract {
  /** Schema of the key, as a UTF-8 string. */
  key: TSchema;
  headers: TSchema;
  payload: TSchema;
  /** Media type of the value. */
  contentType: 'application/json' | 'application/octet-stream';
  /** Name of the message in the AsyncAPI document. */
  messageName: string;
  messageTitle: string;
}

const uuidKey = (what: string) => Uuid({ description: what });

export const TOPIC_CONTRACTS: Readonly<Record<Topic, TopicContract>> = {
  [Topic.WireRaw]: {
    key: uuidKey('The source id.'),
    headers: RawSubmissionHeadersSchema,
    payload: RawSubmissionPayloadSchema,
    contentType: 'application/octet-stream',
    messageName: 'RawSubmission',
    messageTitle: 'Raw submission',
  },
  [Topic.WireNormalised]: {
    key: uuidKey('The source id, so one source’s copy stays in order.'),
    headers: NormalisedItemHeadersSchema,
    payload: NormalisedItemMessageSchema,
    contentType: 'application/json',
    messageName: 'NormalisedItem',
    messageTitle: 'Normalised item',
  },
  [Topic.StoryVersions]: {
    key: uuidKey('The story id.'),
    headers: StoryVersionHeadersSchema,
    payload: StoryVersionMessageSchema,
    contentType: 'application/json',
    messageName: 'StoryVersion',
    messageTitle: 'Story version',
  },
  [Topic.StoryPublished]: {
    key: uuidKey('The story id.'),
    headers: StoryEventHeadersSchema,
    payload: StoryPublishedPayloadSchema,
    contentType: 'application/json',
    messageName: 'StoryPublished',
    messageTitle: 'Published story version (CloudEvent, ninjs 3.1 data)',
  },
  [Topic.StoryLatest]: {
    key: uuidKey('The story id; the topic is compacted, so the newest version of each story stays.'),
    headers: StoryEventHeadersSchema,
    payload: StoryPublishedPayloadSchema,
    contentType: 'application/json',
    messageName: 'StoryLatest',
    messageTitle: 'Latest story version (CloudEvent, ninjs 3.1 data)',
  },
  [Topic.WireDlq]: {
    key: Type.String({ description: 'The original message key, unchanged (empty when it had none).' }),
    headers: DeadLetterHeadersSchema,
    payload: DeadLetterPayloadSchema,
    contentType: 'application/octet-stream',
    messageName: 'DeadLetter',
    messageTitle: 'Dead letter',
  },
};
