import { StoryEventType } from '@copydesk/contracts';

/** A `story.published.v1` / `story.latest.v1` event as a subscriber sees it. */
export interface PublishedStoryEvent {
  /** CloudEvents attributes, from the `ce_*` headers. */
  id: string;
  source: string;
  type: StoryEventType;
  time: string;
  specversion: string;
  subject?: string;
  storyId: string;
  /** `${submissionId}:${index}` of the item that made this version. */
  itemId?: string;
  sourceId?: string;
  /** The IPTC ninjs 3.1 document. */
  data: Record<string, unknown> & { uri: string; version?: string };
  headers: Record<string, string>;
  topic: string;
  partition: number;
  offset: string;
}
