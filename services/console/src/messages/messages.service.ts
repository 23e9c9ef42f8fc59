import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Header } from '@copydesk/contracts';
import { InboundMessage, KafkaAdmin, KafkaConnection, OffsetReader, subscribe } from '@copydesk/kafka';
import { CONSOLE_GROUP_PREFIX } from '../dead-letters/dead-letter.store';
import { ConsoleError, ConsoleErrorCode } from '../errors/console-error';
import { EventStream } from '../stream/event-streams';
import { TopicsService } from '../topics/topics.service';
import { messageView, MessageView } from './message-view';

/** Messages read per partition when a filter is given (the newest, or from the given offset or time). */
const SCAN_PER_PARTITION = 1000;

export interface MessageFilter {
  key?: string;
  submission?: string;
  item?: string;
  story?: string;
  source?: string;
}

export interface BrowseQuery extends MessageFilter {
  topic: string;
  partition?: number;
  offset?: string;
  time?: string;
  limit: number;
}

/** A message matches when its key and each of Copydesk's id headers named equal the filter (a dead letter keeps the ids too). */
export function matchesFilter(m: InboundMessage, f: MessageFilter): boolean {
  const h = m.headers;
  return (
    (!f.key || m.key === f.key) &&
    (!f.submission || h[Header.SubmissionId] === f.submission) &&
    (!f.item || h[Header.ItemId] === f.item) &&
    (!f.story || h[Header.StoryId] === f.story || m.key === f.story) &&
    (!f.source || h[Header.SourceId] === f.source)
  );
}

function filtered(f: MessageFilter): boolean {
  return Boolean(f.key || f.submission || f.item || f.story || f.source);
}

/** Browsing a topic by partition, offset or time, filtered by key and headers; and a live tail. */
@Injectable()
export class MessagesService {
  private readonly logger = new Logger(MessagesService.name);

  constructor(
    private readonly connection: KafkaConnection,
    private readonly admin: KafkaAdmin,
    private readonly reader: OffsetReader,
  ) {}

  async browse(q: BrowseQuery): Promise<{ items: MessageView[]; order: 'oldest-first' | 'newest-first'; scannedPerPartition: number }> {
    TopicsService.assertKnown(q.topic);
    if (q.offset !== undefined && q.partition === undefined) throw new ConsoleError(ConsoleErrorCode.InvalidRequest, 'an offset needs a partition');
    const offsets = await this.admin.topicOffsets(q.topic);
    if (q.partition !== undefined && !offsets.some((o) => o.partition === q.partition)) {
      throw new ConsoleError(ConsoleErrorCode.InvalidRequest, `${q.topic} has no partition ${q.partition}`, [{ partitions: offsets.length }]);
    }
    const scan = filtered(q) ? SCAN_PER_PARTITION : q.limit;
    let starts: Map<number, bigint>;
    const forward = q.offset !== undefined || q.time !== undefined;
    if (q.offset !== undefined) starts = new Map([[q.partition as number, BigInt(q.offset)]]);
    else if (q.time !== undefined) {
      const at = Date.parse(q.time);
      if (Number.isNaN(at)) throw new ConsoleError(ConsoleErrorCode.InvalidRequest, 'time must be an ISO 8601 instant');
      starts = new Map((await this.admin.topicOffsetsAt(q.topic, at)).map((o) => [o.partition, BigInt(o.offset)]));
    } else starts = new Map(offsets.map((o) => [o.partition, BigInt(o.high) - BigInt(scan)]));
    const requests = offsets
      .filter((o) => q.partition === undefined || o.partition === q.partition)
      .map((o) => {
        const start = starts.get(o.partition) ?? BigInt(o.high);
        return { topic: q.topic, partition: o.partition, offset: (start < BigInt(o.low) ? BigInt(o.low) : start).toString(), limit: scan };
      });
    const read = await this.reader.read(requests);
    const all = [...read.values()].flat().filter((m) => matchesFilter(m, q));
    all.sort((a, b) => Number(a.timestamp) - Number(b.timestamp) || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
    const chosen = forward ? all.slice(0, q.limit) : all.slice(-q.limit).reverse();
    return { items: chosen.map(messageView), order: forward ? 'oldest-first' : 'newest-first', scannedPerPartition: scan };
  }

  /** Sends every new message of the topic that matches to the stream, until the page goes away. */
  tail(topic: string, filter: MessageFilter, stream: EventStream): void {
    TopicsService.assertKnown(topic);
    const groupId = `${CONSOLE_GROUP_PREFIX}tail-${randomUUID()}`;
    const subscription = subscribe(this.connection, { topics: [topic], groupId, fromBeginning: false }, (m) => {
      if (matchesFilter(m, filter)) stream.send('message', messageView(m));
    });
    subscription.ready.then(
      () => stream.send('ready', { topic }),
      (e: unknown) => stream.send('failed', { message: e instanceof Error ? e.message : String(e) }),
    );
    stream.closed.addEventListener('abort', () => {
      void subscription
        .close()
        .then(() => this.admin.deleteGroups([groupId]))
        .catch((e: unknown) => this.logger.warn({ msg: 'could not end a tail', groupId, err: e }));
    });
  }
}
