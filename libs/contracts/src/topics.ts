/**
 * Every Kafka topic Copydesk uses, with the settings it is created with.
 * Topic names carry a version suffix: a breaking change is a new topic.
 */
export enum Topic {
  WireRaw = 'wire.raw.v1',
  WireNormalised = 'wire.normalised.v1',
  StoryVersions = 'story.versions.v1',
  StoryPublished = 'story.published.v1',
  StoryLatest = 'story.latest.v1',
  WireDlq = 'wire.dlq.v1',
}

export interface TopicDefinition {
  name: Topic;
  partitions: number;
  /** Topic-level configuration, passed as-is to CreateTopics. */
  config: Record<string, string>;
  /** What the message key is. */
  key: string;
  description: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Raw copy can be large (a 20 MB single-line file must still reach the DLQ untouched). */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export const TOPICS: readonly TopicDefinition[] = [
  {
    name: Topic.WireRaw,
    partitions: 6,
    config: { 'cleanup.policy': 'delete', 'retention.ms': String(7 * DAY_MS), 'max.message.bytes': String(MAX_MESSAGE_BYTES) },
    key: 'source id',
    description: 'Exactly what a newsroom system sent, with submission metadata in headers.',
  },
  {
    name: Topic.WireNormalised,
    partitions: 6,
    config: { 'cleanup.policy': 'delete', 'retention.ms': String(7 * DAY_MS), 'max.message.bytes': String(8 * 1024 * 1024) },
    key: 'source id',
    description: 'One canonical item per story found in a submission.',
  },
  {
    name: Topic.StoryVersions,
    partitions: 6,
    config: { 'cleanup.policy': 'delete', 'retention.ms': String(7 * DAY_MS), 'max.message.bytes': String(8 * 1024 * 1024) },
    key: 'story id',
    description: 'Dedupe decisions that created a story version.',
  },
  {
    name: Topic.StoryPublished,
    partitions: 6,
    config: { 'cleanup.policy': 'delete', 'retention.ms': String(30 * DAY_MS), 'max.message.bytes': String(8 * 1024 * 1024) },
    key: 'story id',
    description: 'Every story version as a CloudEvent whose data is an IPTC ninjs 3.1 document.',
  },
  {
    name: Topic.StoryLatest,
    partitions: 6,
    config: {
      'cleanup.policy': 'compact',
      'min.compaction.lag.ms': '0',
      'segment.ms': String(DAY_MS),
      'max.message.bytes': String(8 * 1024 * 1024),
    },
    key: 'story id',
    description: 'The newest version of each story (compacted).',
  },
  {
    name: Topic.WireDlq,
    partitions: 1,
    config: { 'cleanup.policy': 'delete', 'retention.ms': String(30 * DAY_MS), 'max.message.bytes': String(MAX_MESSAGE_BYTES + 1024 * 1024) },
    key: 'the original key',
    description: 'What a stage could not process: the original payload untouched, the reason in headers.',
  },
];
