import { encodeJson, Header, StoryVersionMessage, Topic, VersionKind } from '@copydesk/contracts';
import { OutgoingMessage } from '@copydesk/kafka';
import { NinjsDocument } from './ninjs.mapper';

const TYPES: Record<VersionKind, string> = {
  created: 'story.created',
  updated: 'story.updated',
  corrected: 'story.corrected',
  withdrawn: 'story.withdrawn',
};

export function eventType(kind: VersionKind): string {
  return TYPES[kind];
}

/** The event id is derived from story and version, so a re-sent event can be recognised. */
export function eventId(storyId: string, version: number): string {
  return `${storyId}:${version}`;
}

/** CloudEvents 1.0, Kafka binary binding: attributes in `ce_*` headers, the ninjs document as the value. */
export function toCloudEvents(v: StoryVersionMessage, doc: NinjsDocument, source: string, now: Date): OutgoingMessage[] {
  const headers = {
    [Header.CeSpecVersion]: '1.0',
    [Header.CeId]: eventId(v.storyId, v.version),
    [Header.CeSource]: source,
    [Header.CeType]: eventType(v.kind),
    [Header.CeTime]: now.toISOString(),
    [Header.CeSubject]: v.storyId,
    [Header.CeDataSchema]: 'https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json',
    [Header.ContentType]: 'application/json',
    [Header.StoryId]: v.storyId,
    [Header.SubmissionId]: v.submissionId,
    [Header.SourceId]: v.sourceId,
    [Header.ItemId]: v.itemId,
  };
  const value = encodeJson(doc);
  const events: OutgoingMessage[] = [{ topic: Topic.StoryPublished, key: v.storyId, value, headers }];
  if (v.current) events.push({ topic: Topic.StoryLatest, key: v.storyId, value, headers });
  return events;
}
