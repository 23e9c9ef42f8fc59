import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Header, Topic } from '@copydesk/contracts';
import { DeadLetterView, InboundMessage, KafkaAdmin, KafkaConnection, readDeadLetter, subscribe, Subscription } from '@copydesk/kafka';
import { ShutdownPhase, ShutdownSequence } from '@copydesk/observability';
import { ConsoleConfig } from '../config/console.config';

/** A dead letter as the console lists it: the reason read back from its headers, and where it sits. */
export interface DeadLetterEntry extends Omit<DeadLetterView, 'originalHeaders'> {
  partition: number;
  offset: string;
  /** When the dead letter was written (broker time, ISO 8601). */
  at: string;
  submissionId: string | null;
  sourceId: string | null;
  itemId: string | null;
  storyId: string | null;
  /** `<dlq topic>/<partition>/<offset>` when the failed message was itself a replay. */
  replayOf: string | null;
  size: number;
}

export interface DeadLetterFilter {
  stage?: string;
  code?: string;
  topic?: string;
  source?: string;
  since?: number;
}

/** The group name prefix of the console's own readers, kept out of the groups operators see. */
export const CONSOLE_GROUP_PREFIX = 'copydesk-console-';

export function matches(e: DeadLetterEntry, f: DeadLetterFilter): boolean {
  return (
    (!f.stage || e.stage === f.stage) &&
    (!f.code || e.errorCode === f.code) &&
    (!f.topic || e.originalTopic === f.topic) &&
    (!f.source || e.sourceId === f.source) &&
    (f.since === undefined || Date.parse(e.at) >= f.since)
  );
}

export function toEntry(m: InboundMessage): DeadLetterEntry {
  const { originalHeaders, ...reason } = readDeadLetter(m.headers);
  return {
    partition: m.partition,
    offset: m.offset,
    at: new Date(Number(m.timestamp)).toISOString(),
    ...reason,
    submissionId: m.headers[Header.SubmissionId] ?? null,
    sourceId: m.headers[Header.SourceId] ?? null,
    itemId: m.headers[Header.ItemId] ?? null,
    storyId: m.headers[Header.StoryId] ?? null,
    replayOf: originalHeaders[Header.ReplayOf] ?? null,
    size: m.value?.length ?? 0,
  };
}

/**
 * Every dead letter on wire.dlq.v1, read from the start and followed live, in memory (the
 * reason and coordinates; payloads are read from the topic when asked for), so the pipeline,
 * the dead-letter list and the alerts count and filter them without re-reading the topic.
 */
@Injectable()
export class DeadLetterStore implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadLetterStore.name);
  private readonly entries: DeadLetterEntry[] = [];
  private subscription: Subscription | undefined;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly admin: KafkaAdmin,
    private readonly config: ConsoleConfig,
    private readonly shutdown: ShutdownSequence,
  ) {}

  onApplicationBootstrap(): void {
    const groupId = `${CONSOLE_GROUP_PREFIX}dlq-${randomUUID()}`;
    this.subscription = subscribe(this.connection, { topics: [Topic.WireDlq], groupId, fromBeginning: true }, (m) => this.add(m));
    this.shutdown.register(ShutdownPhase.Connections, 'dead-letter reader', async () => {
      await this.subscription?.close();
      await this.admin.deleteGroups([groupId]).catch((e: unknown) => this.logger.warn({ msg: 'could not delete the dead-letter reader group', err: e }));
    });
  }

  private add(m: InboundMessage): void {
    this.entries.push(toEntry(m));
    if (this.entries.length > this.config.CONSOLE_DLQ_MAX) this.entries.splice(0, this.entries.length - this.config.CONSOLE_DLQ_MAX);
  }

  /** Newest first. */
  list(filter: DeadLetterFilter = {}): DeadLetterEntry[] {
    const out: DeadLetterEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0; i--) if (matches(this.entries[i], filter)) out.push(this.entries[i]);
    return out;
  }

  count(filter: DeadLetterFilter): number {
    let n = 0;
    for (const e of this.entries) if (matches(e, filter)) n++;
    return n;
  }

  find(partition: number, offset: string): DeadLetterEntry | undefined {
    return this.entries.find((e) => e.partition === partition && e.offset === offset);
  }
}
