import { Header, Topic, TOPICS } from '@copydesk/contracts';
import { InboundMessage, OutgoingMessage } from '../message';
import { KafkaPublisher } from '../publisher/kafka-publisher';
import { OffsetReader } from '../reader/offset-reader';
import { readDeadLetter } from './dead-letter';

/** A dead letter that cannot go back: it names no topic of the pipeline (or names the DLQ itself). */
export class UnreplayableDeadLetterError extends Error {
  constructor(topic: string) {
    super(`the dead letter names no topic it can go back to (${topic || 'none'})`);
    this.name = 'UnreplayableDeadLetterError';
  }
}

/**
 * The message a dead letter came from, as it was: its topic, key, value and headers, marked as
 * a replay (which dead letter, and the attempts already spent, so a new failure counts on).
 */
export function replayMessage(letter: InboundMessage): OutgoingMessage {
  const reason = readDeadLetter(letter.headers);
  if (!TOPICS.some((t) => t.name === reason.originalTopic) || reason.originalTopic === Topic.WireDlq) {
    throw new UnreplayableDeadLetterError(reason.originalTopic);
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

/** Where a dead letter sits on the DLQ, and where it came from. */
export interface DeadLetterRef {
  partition: number;
  offset: string;
  originalTopic: string;
}

export interface ReplayResult {
  partition: number;
  offset: string;
  result: 'replayed' | 'already-replayed' | 'failed';
  targetTopic: string;
  error?: string;
}

/**
 * The record of replays that makes each dead letter go back at most once: `claim` answers
 * true when this replay may send it (never replayed, or its last replay failed).
 */
export interface ReplayClaims {
  claim(dlqTopic: string, partition: number, offset: string, username: string, targetTopic: string): Promise<boolean>;
  finish(dlqTopic: string, partition: number, offset: string, result: 'replayed' | 'failed', error?: string): Promise<void>;
}

/** Replays dead letters to their original topics, each at most once (by `claims`), each with its result. */
export class DeadLetterReplayer {
  constructor(
    private readonly reader: OffsetReader,
    private readonly publisher: KafkaPublisher,
    private readonly claims: ReplayClaims,
    private readonly onFailure: (ref: DeadLetterRef, error: string) => void = () => undefined,
  ) {}

  async replay(letters: readonly DeadLetterRef[], username: string): Promise<ReplayResult[]> {
    const results: ReplayResult[] = [];
    // Read in pages, so "replay all that match" does not hold every payload at once.
    for (let i = 0; i < letters.length; i += 100) {
      const page = letters.slice(i, i + 100);
      const read = await this.reader.read(page.map((l) => ({ topic: Topic.WireDlq, partition: l.partition, offset: l.offset, limit: 1 })));
      for (const l of page) {
        const letter = read.get(`${Topic.WireDlq}/${l.partition}`)?.find((m) => m.offset === l.offset);
        results.push(await this.replayOne(l, letter, username));
      }
    }
    return results;
  }

  private async replayOne(l: DeadLetterRef, letter: InboundMessage | undefined, username: string): Promise<ReplayResult> {
    const base = { partition: l.partition, offset: l.offset, targetTopic: l.originalTopic };
    if (!letter) return { ...base, result: 'failed', error: 'the dead letter is no longer on the topic' };
    const claimed = await this.claims.claim(Topic.WireDlq, l.partition, l.offset, username, l.originalTopic);
    if (!claimed) return { ...base, result: 'already-replayed' };
    try {
      await this.publisher.publish(replayMessage(letter));
      await this.claims.finish(Topic.WireDlq, l.partition, l.offset, 'replayed');
      return { ...base, result: 'replayed' };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.onFailure(l, error);
      await this.claims.finish(Topic.WireDlq, l.partition, l.offset, 'failed', error);
      return { ...base, result: 'failed', error };
    }
  }
}
