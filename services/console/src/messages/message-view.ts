import { codecFor, Header, parseContentType, Topic, TOPICS } from '@copydesk/contracts';
import { InboundMessage } from '@copydesk/kafka';
import { decodeText } from '@copydesk/wire-formats';

/** Longest payload shown whole; a longer one is cut (its size is given). */
const MAX_SHOWN_BYTES = 256 * 1024;

export type PayloadView =
  | { kind: 'raw-submission'; contentType: string | null; charset: string; text: string; truncated: boolean }
  | { kind: 'normalised-item' | 'story-version' | 'ninjs-event'; json: unknown; valid: boolean; error?: string }
  | { kind: 'hex'; hex: string; truncated: boolean; error?: string }
  | { kind: 'empty' };

export interface MessageView {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: string | null;
  headers: Record<string, string>;
  size: number;
  payload: PayloadView;
}

function hex(value: Buffer, error?: string): PayloadView {
  const shown = value.subarray(0, Math.min(value.length, 4096));
  return { kind: 'hex', hex: shown.toString('hex'), truncated: shown.length < value.length, ...(error ? { error } : {}) };
}

function json(kind: 'normalised-item' | 'story-version' | 'ninjs-event', m: InboundMessage): PayloadView {
  const topic = m.topic as Topic;
  try {
    codecFor(topic).decode(m);
    return { kind, json: JSON.parse((m.value as Buffer).toString('utf8')), valid: true };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    try {
      return { kind, json: JSON.parse((m.value as Buffer).toString('utf8')), valid: false, error };
    } catch {
      return hex(m.value as Buffer, error);
    }
  }
}

/** Bytes that are not text: a NUL, or more than one in a hundred control characters. */
export function looksBinary(bytes: Buffer): boolean {
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > bytes.length / 100;
}

/** A raw submission as text in its declared charset (as normalise reads it); binary copy in hex. */
export function rawView(value: Buffer, contentType: string | undefined): PayloadView {
  const shown = value.subarray(0, Math.min(value.length, MAX_SHOWN_BYTES));
  if (looksBinary(shown.subarray(0, 4096))) return hex(value, `binary content (${contentType ?? 'no content type'})`);
  const decoded = decodeText(shown, parseContentType(contentType).charset);
  return { kind: 'raw-submission', contentType: contentType ?? null, charset: decoded.charset, text: decoded.text, truncated: shown.length < value.length };
}

/**
 * Each payload decoded as what it is: the raw copy as text in its charset, a normalised item,
 * a story version, a ninjs event (each checked against its contract), hex for anything else.
 * A dead letter's payload is shown as what it was on its original topic.
 */
export function payloadView(topic: string, value: Buffer | null, headers: Record<string, string>): PayloadView {
  if (!value || value.length === 0) return { kind: 'empty' };
  const m: InboundMessage = { topic, partition: 0, offset: '0', key: null, value, headers, timestamp: '0' };
  switch (topic) {
    case Topic.WireRaw:
      return rawView(value, headers[Header.ContentType]);
    case Topic.WireNormalised:
      return json('normalised-item', m);
    case Topic.StoryVersions:
      return json('story-version', m);
    case Topic.StoryPublished:
    case Topic.StoryLatest:
      return json('ninjs-event', m);
    default:
      return hex(value);
  }
}

export function messageView(m: InboundMessage): MessageView {
  let payload: PayloadView;
  if (m.topic === Topic.WireDlq) {
    const original = m.headers[Header.DlqTopic] ?? '';
    const originalHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.headers))
      if (k.startsWith(Header.DlqOriginalHeaderPrefix)) originalHeaders[k.slice(Header.DlqOriginalHeaderPrefix.length)] = v;
    payload = TOPICS.some((t) => t.name === original) ? payloadView(original, m.value, originalHeaders) : m.value ? hex(m.value) : { kind: 'empty' };
  } else payload = payloadView(m.topic, m.value, m.headers);
  return {
    topic: m.topic,
    partition: m.partition,
    offset: m.offset,
    timestamp: new Date(Number(m.timestamp)).toISOString(),
    key: m.key,
    headers: m.headers,
    size: m.value?.length ?? 0,
    payload,
  };
}
