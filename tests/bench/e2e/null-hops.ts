import { Topic, TOPICS } from '@copydesk/contracts';
import { TopicSpec } from '@copydesk/kafka';

/** The four topics an item passes, in order; publish also writes story.latest.v1 beside the last. */
export const HOPS = [Topic.WireRaw, Topic.WireNormalised, Topic.StoryVersions, Topic.StoryPublished] as const;

/** The null pipeline's own topic for a hop, so its messages never reach a service; a warm-up run has topics of its own. */
export const nullTopic = (t: Topic, run = 'null-bench'): string => `${run}.${t}`;

/** The null topics of a run, with the partitions and configuration of the real ones. */
export const nullTopics = (run?: string): TopicSpec[] =>
  [...HOPS, Topic.StoryLatest].map((t) => ({ ...(TOPICS.find((d) => d.name === t) as TopicSpec), name: nullTopic(t, run) }));

/** Header of the null pipeline's messages: when the producer sent it, ms since the epoch. */
export const SENT_AT = 'bench-sent-at';
