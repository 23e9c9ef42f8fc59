import { Injectable, Logger } from '@nestjs/common';
import { Header, Topic, TOPICS } from '@copydesk/contracts';
import { InboundMessage, KafkaPublisher, OffsetReader, OutgoingMessage, readDeadLetter } from '@copydesk/kafka';
import { ConsoleError, ConsoleErrorCode } from '../errors/console-error';
import { DeadLetterEntry } from './dead-letter.store';
import { ReplaysRepository } from './replays.repository';

export interface ReplayResult {
  partition: number;
  offset: string;
  result: 'replayed' | 'already-replayed' | 'failed';
  targetTopic: string;
  error?: string;
}

/**
 * The message a dead letter came from, as it was: its topic, key, value and headers, marked as
 * a replay (which dead letter, and the attempts already spent, so a new failure counts on).
 */
export function replayMessage(letter: InboundMessage): OutgoingMessage {
  const reason = readDeadLetter(letter.headers);
  if (!TOPICS.some((t) => t.name === reason.originalTopic) || reason.originalTopic === Topic.WireDlq) {
    throw new ConsoleError(ConsoleErrorCode.InvalidRequest, `the dead letter names no topic it can go back to (${reason.originalTopic || 'none'})`);
  }
  return {
    topic: reason.originalTopic,
    key: reason.originalKey,
    value: letter.value,
    headers: {
      ...reason.originalHeaders,
      [Header.Attempts]: String(reason.attempts),
      [Header.ReplayOf]: `${letter.topic}/${letter.partition}/${letter.offset}`,
    },
  };
}

/** Replays dead letters to their original topics, each at most once (console.replays), each recorded with its result. */
@Injectable()
export class ReplayService {
  private readonly logger = new Logger(ReplayService.name);

  constructor(
    private readonly reader: OffsetReader,
    private readonly publisher: KafkaPublisher,
    private readonly replays: ReplaysRepository,
  ) {}

  async replay(letters: DeadLetterEntry[], username: string): Promise<ReplayResult[]> {
    const results: ReplayResult[] = [];
    // Read in pages, so "replay all that match" does not hold every payload at once.
    for (let i = 0; i < letters.length; i += 100) {
      const page = letters.slice(i, i + 100);
      const read = await this.reader.read(page.map((l) => ({ topic: Topic.WireDlq, partition: l.partition, offset: l.offset, limit: 1 })));
      for (const l of page)
        results.push(
          await this.replayOne(
            l,
            read.get(`${Topic.WireDlq}/${l.partition}`)?.find((m) => m.offset === l.offset),
            username,
          ),
        );
    }
    return results;
  }

  private async replayOne(l: DeadLetterEntry, letter: InboundMessage | undefined, username: string): Promise<ReplayResult> {
    const base = { partition: l.partition, offset: l.offset, targetTopic: l.originalTopic };
    if (!letter) return { ...base, result: 'failed', error: 'the dead letter is no longer on the topic' };
    const claimed = await this.replays.claim(Topic.WireDlq, l.partition, l.offset, username, l.originalTopic);
    if (!claimed) return { ...base, result: 'already-replayed' };
    try {
      await this.publisher.publish(replayMessage(letter));
      await this.replays.finish(Topic.WireDlq, l.partition, l.offset, 'replayed');
      return { ...base, result: 'replayed' };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.logger.warn({ msg: 'replay failed', partition: l.partition, offset: l.offset, error });
      await this.replays.finish(Topic.WireDlq, l.partition, l.offset, 'failed', error);
      return { ...base, result: 'failed', error };
    }
  }
}
