import { Injectable } from '@nestjs/common';
import { InboundMessage, KafkaAdmin, OffsetReader } from '@copydesk/kafka';

/** Most messages read per partition when looking for a story's messages in a time window. */
const SCAN_PER_PARTITION = 2000;

export interface Located {
  value: string;
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  headers: Record<string, string>;
}

/**
 * Finds messages by a header's value on a topic, reading from the first offset at or after a
 * time (the broker's time index) a bounded number of messages per partition: where a
 * submission, an item or an event sits (topic, partition, offset).
 */
@Injectable()
export class MessageLocator {
  constructor(
    private readonly admin: KafkaAdmin,
    private readonly reader: OffsetReader,
  ) {}

  async locate(topic: string, header: string, values: ReadonlySet<string>, from: Date, match?: (m: InboundMessage) => boolean): Promise<Located[]> {
    if (values.size === 0) return [];
    const starts = await this.admin.topicOffsetsAt(topic, from.getTime());
    const read = await this.reader.read(starts.map((s) => ({ topic, partition: s.partition, offset: s.offset, limit: SCAN_PER_PARTITION })));
    const found: Located[] = [];
    for (const messages of read.values()) {
      for (const m of messages) {
        const v = m.headers[header];
        if (v !== undefined && values.has(v) && (!match || match(m))) {
          found.push({ value: v, topic, partition: m.partition, offset: m.offset, timestamp: new Date(Number(m.timestamp)).toISOString(), headers: m.headers });
        }
      }
    }
    return found.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  }
}
