import { Topic, TOPICS } from '@copydesk/contracts';
import { TopicSpec } from '@copydesk/kafka';

/** The four topics an item passes, in order; publish also writes story.latest.v1 beside the last. */
export const HOPS = [Topic.WireRaw, Topic.WireNormalised, Topic.StoryVersions, Topic.StoryPublished] as const;

/** The null pipeline's own topic for a hop, so its messages never reach a service. */
export const nullTopic = (t: Topic): string => `null-bench.${t}`;

/** The null topics, with the partitions and configuration of the real ones. */
export const NULL_TOPICS: TopicSpec[] = [...HOPS, Topic.StoryLatest].map((t) => ({ ...(TOPICS.find((d) => d.name === t) as TopicSpec), name: nullTopic(t) }));

/** Header of the null pipeline's messages: when the producer sent it, ms since the epoch. */
export const SENT_AT = 'bench-sent-at';
