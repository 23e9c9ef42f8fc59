import { Topic } from '../topics';
import { rawSubmissionHeadersSchema, rawSubmissionPayloadSchema } from './raw-submission.schema';
import { normalisedItemSchema } from './normalised-item.schema';
import { storyVersionSchema } from './story-version.schema';
import { storyEventHeadersSchema, storyPublishedSchema } from './story-published.schema';
import { deadLetterHeadersSchema, deadLetterPayloadSchema } from './dead-letter.schema';
import { normalisedItemHeadersSchema, storyVersionHeadersSchema } from './trace-headers.schema';
import { JsonSchema, UUID } from './json-schema';

export * from './json-schema';
export * from './canonical-item.schema';
export * from './raw-submission.schema';
export * from './normalised-item.schema';
export * from './story-version.schema';
export * from './story-published.schema';
export * from './dead-letter.schema';
export * from './trace-headers.schema';

/** What a message on a topic is made of. */
export interface TopicContract {
  /** Schema of the key, as a UTF-8 string. */
  key: JsonSchema;
  headers: JsonSchema;
  payload: JsonSchema;
  /** Media type of the value. */
  contentType: string;
  /** Name of the message in the AsyncAPI document. */
  messageName: string;
  messageTitle: string;
}

const uuidKey = (what: string): JsonSchema => ({ ...UUID, description: what });

export const TOPIC_CONTRACTS: Record<Topic, TopicContract> = {
  [Topic.WireRaw]: {
    key: uuidKey('The source id.'),
    headers: rawSubmissionHeadersSchema,
    payload: rawSubmissionPayloadSchema,
    contentType: 'application/octet-stream',
    messageName: 'RawSubmission',
    messageTitle: 'Raw submission',
  },
  [Topic.WireNormalised]: {
    key: uuidKey('The source id, so one source’s copy stays in order.'),
    headers: normalisedItemHeadersSchema,
    payload: normalisedItemSchema,
    contentType: 'application/json',
    messageName: 'NormalisedItem',
    messageTitle: 'Normalised item',
  },
  [Topic.StoryVersions]: {
    key: uuidKey('The story id.'),
    headers: storyVersionHeadersSchema,
    payload: storyVersionSchema,
    contentType: 'application/json',
    messageName: 'StoryVersion',
    messageTitle: 'Story version',
  },
  [Topic.StoryPublished]: {
    key: uuidKey('The story id.'),
    headers: storyEventHeadersSchema,
    payload: storyPublishedSchema,
    contentType: 'application/json',
    messageName: 'StoryPublished',
    messageTitle: 'Published story version (CloudEvent, ninjs 3.1 data)',
  },
  [Topic.StoryLatest]: {
    key: uuidKey('The story id; the topic is compacted, so the newest version of each story stays.'),
    headers: storyEventHeadersSchema,
    payload: storyPublishedSchema,
    contentType: 'application/json',
    messageName: 'StoryLatest',
    messageTitle: 'Latest story version (CloudEvent, ninjs 3.1 data)',
  },
  [Topic.WireDlq]: {
    key: { type: 'string', description: 'The original message key, unchanged (empty when it had none).' },
    headers: deadLetterHeadersSchema,
    payload: deadLetterPayloadSchema,
    contentType: 'application/octet-stream',
    messageName: 'DeadLetter',
    messageTitle: 'Dead letter',
  },
};
