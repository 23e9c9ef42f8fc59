import { codecFor, MessageContext, NINJS_31_SCHEMA_ID, StoryEvent, StoryEventType, StoryVersionMessage, Topic, VersionKind } from '@copydesk/contracts';
import { OutgoingMessage } from '@copydesk/kafka';
import { NinjsDocument, NinjsStatusNotice } from './ninjs.mapper';

const TYPES: Record<VersionKind, StoryEventType> = {
  created: 'story.created',
  updated: 'story.updated',
  corrected: 'story.corrected',
  withdrawn: 'story.withdrawn',
};

/** `ce_dataschema`: the data is an IPTC ninjs 3.1 document. */
export const NINJS_DATA_SCHEMA = NINJS_31_SCHEMA_ID;

export function eventType(kind: VersionKind): StoryEventType {
  return TYPES[kind];
}

/**
 * The event id is derived from story and version: the same version always makes the same id,
 * so a subscriber (and the relay after a crash) can recognise an event it has seen.
 */
export function eventId(storyId: string, version: number): string {
  return `${storyId}:${version}`;
}

/**
 * CloudEvents 1.0, Kafka binary binding (attributes in `ce_*` headers, the ninjs document as
 * the value), written by the topics' codecs; a late, older version goes to story.published.v1 only.
 */
export function toCloudEvents(v: StoryVersionMessage, doc: NinjsDocument, source: string, now: Date, context: MessageContext = {}): OutgoingMessage[] {
  const event: StoryEvent = {
    specversion: '1.0',
    id: eventId(v.storyId, v.version),
    source,
    type: eventType(v.kind),
    time: now.toISOString(),
    subject: v.storyId,
    dataschema: NINJS_DATA_SCHEMA,
    storyId: v.storyId,
    submissionId: v.submissionId,
    sourceId: v.sourceId,
    itemId: v.itemId,
    data: doc,
  };
  const events: OutgoingMessage[] = [codecFor(Topic.StoryPublished).encode(event, context)];
  if (v.current) events.push(codecFor(Topic.StoryLatest).encode(event, context));
  return events;
}

/** CloudEvents 1.0 in structured JSON form: what the SSE stream sends. */
export interface StructuredCloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: StoryEventType;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  dataschema: string;
  data: NinjsDocument | NinjsStatusNotice;
}

export function toStructuredCloudEvent(
  e: { storyId: string; version: number; kind: VersionKind; publishedAt: Date; document: NinjsDocument | NinjsStatusNotice },
  source: string,
): StructuredCloudEvent {
  return {
    specversion: '1.0',
    id: eventId(e.storyId, e.version),
    source,
    type: eventType(e.kind),
    time: e.publishedAt.toISOString(),
    subject: e.storyId,
    datacontenttype: 'application/json',
    dataschema: NINJS_DATA_SCHEMA,
    data: e.document,
  };
}
