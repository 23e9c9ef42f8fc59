import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Subject } from 'rxjs';
import { Topic, TOPICS } from '@copydesk/contracts';
import { CommittedOffset, GroupDescription, KafkaAdmin, PartitionOffsets } from '@copydesk/kafka';
import { ShutdownPhase, ShutdownSequence } from '@copydesk/observability';
import { ConsoleConfig } from '../config/console.config';
import { CONSOLE_GROUP_PREFIX, DeadLetterStore } from '../dead-letters/dead-letter.store';
import { InstanceHealth, instanceHealth } from './health.client';
import { consumedTotal, PartitionLag, partitionLags, producedTotal, ratePerSecond, Trend, trendOf } from './lag';
import { StageDefinition, stageDefinitions, StageName } from './stages';

export interface StageView {
  name: StageName;
  input: string | null;
  output: string;
  groupId: string | null;
  /** Messages a second: consumed by the stage (ingest: written to its topic). */
  rate: number;
  /** Unconsumed messages; null for ingest, which reads HTTP. */
  lag: number | null;
  /** Age of the oldest unconsumed message (s); null when unknown yet. */
  lagSeconds: number | null;
  lagTrend: Trend;
  deadLettersLastHour: number;
  ready: boolean;
  instances: InstanceHealth[];
}

export interface GroupOnTopic {
  groupId: string;
  state: string;
  members: number;
  lag: number;
  partitions: PartitionLag[];
}

export interface PipelineSnapshot {
  at: string;
  stages: StageView[];
  topics: { name: string; offsets: PartitionOffsets[]; rate: number; groups: GroupOnTopic[] }[];
  groups: (GroupDescription & { offsets: CommittedOffset[] })[];
}

interface Mark {
  at: number;
  produced: Record<string, number>;
  consumed: Record<string, number>;
  lag: Record<string, number | null>;
}

const RATE_WINDOW_MS = 10_000;
const TREND_WINDOW_MS = 60_000;

/** Is this group one of the console's own readers, or another tool's throw-away reader? */
export function isInternalGroup(groupId: string): boolean {
  return groupId.startsWith(CONSOLE_GROUP_PREFIX) || /-(tail|read)-[0-9a-f-]{36}$/.test(groupId);
}

/**
 * Measures the pipeline every CONSOLE_PUSH_MS through the Kafka admin API and the stages'
 * health endpoints: rates, lag, groups, topics. Open pages get each snapshot pushed.
 */
@Injectable()
export class PipelineMonitor implements OnApplicationBootstrap {
  private readonly logger = new Logger(PipelineMonitor.name);
  private readonly stages: StageDefinition[];
  private readonly marks: Mark[] = [];
  private readonly lagSeconds = new Map<StageName, number | null>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  latest: PipelineSnapshot | undefined;
  readonly snapshots = new Subject<PipelineSnapshot>();

  constructor(
    private readonly admin: KafkaAdmin,
    private readonly deadLetters: DeadLetterStore,
    private readonly config: ConsoleConfig,
    private readonly shutdown: ShutdownSequence,
  ) {
    this.stages = stageDefinitions(config);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.CONSOLE_PUSH_MS);
    void this.tick();
    this.shutdown.register(ShutdownPhase.Connections, 'pipeline monitor', async () => {
      clearInterval(this.timer);
      await this.running;
      this.snapshots.complete();
    });
  }

  definitions(): StageDefinition[] {
    return this.stages;
  }

  /** Set by the sampler, which reads the oldest unconsumed message of each stage. */
  setLagSeconds(stage: StageName, seconds: number | null): void {
    this.lagSeconds.set(stage, seconds);
  }

  /** The latest snapshot, measuring one now if there is none yet. */
  async current(): Promise<PipelineSnapshot> {
    if (!this.latest) await this.tick();
    if (!this.latest) throw new Error('the pipeline could not be measured');
    return this.latest;
  }

  private tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.measure()
      .then((s) => {
        this.latest = s;
        this.snapshots.next(s);
      })
      .catch((e: unknown) => this.logger.warn({ msg: 'could not measure the pipeline', err: e }))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async measure(): Promise<PipelineSnapshot> {
    const now = Date.now();
    const topicNames = TOPICS.map((t) => t.name as string);
    const [offsets, groupIds, health] = await Promise.all([
      Promise.all(topicNames.map(async (t) => [t, await this.admin.topicOffsets(t)] as const)),
      this.admin.listGroups().then((gs) => gs.map((g) => g.groupId).filter((g) => !isInternalGroup(g))),
      Promise.all(this.stages.map((s) => Promise.all(s.instances.map((u) => instanceHealth(u))))),
    ]);
    const offsetsOf = new Map(offsets);
    const described = groupIds.length > 0 ? await this.admin.describeGroups(groupIds) : [];
    const groups = await Promise.all(described.map(async (g) => ({ ...g, offsets: await this.admin.groupOffsets(g.groupId) })));

    const topics = topicNames.map((name) => ({
      name,
      offsets: offsetsOf.get(name) ?? [],
      rate: 0,
      groups: groups
        .filter((g) => g.offsets.some((o) => o.topic === name))
        .map((g) => {
          const partitions = partitionLags(offsetsOf.get(name) ?? [], g.offsets, name);
          return { groupId: g.groupId, state: g.state, members: g.members.length, lag: partitions.reduce((n, p) => n + p.lag, 0), partitions };
        }),
    }));

    const mark: Mark = { at: now, produced: {}, consumed: {}, lag: {} };
    for (const t of topics) mark.produced[t.name] = producedTotal(t.offsets);
    const stageLags = this.stages.map((s) => {
      if (!s.input) return null;
      const input = s.input;
      const committed = groups.find((g) => g.groupId === input.groupId)?.offsets ?? [];
      return partitionLags(offsetsOf.get(input.topic) ?? [], committed, input.topic);
    });
    this.stages.forEach((s, i) => {
      const lags = stageLags[i];
      mark.consumed[s.name] = lags ? consumedTotal(lags) : (mark.produced[s.output] ?? 0);
      mark.lag[s.name] = lags ? lags.reduce((n, p) => n + p.lag, 0) : null;
    });
    this.marks.push(mark);
    while (this.marks.length > 0 && this.marks[0].at < now - TREND_WINDOW_MS - 5000) this.marks.shift();
    const rateBase = this.marks.find((m) => m.at >= now - RATE_WINDOW_MS && m !== mark) ?? this.marks[this.marks.length - 2];
    const trendBase = this.marks[0] === mark ? undefined : this.marks[0];
    for (const t of topics)
      t.rate = ratePerSecond(rateBase && { at: rateBase.at, count: rateBase.produced[t.name] ?? 0 }, { at: now, count: mark.produced[t.name] });

    const hourAgo = now - 3600_000;
    const stages: StageView[] = this.stages.map((s, i) => {
      const lag = mark.lag[s.name];
      return {
        name: s.name,
        input: s.input?.topic ?? null,
        output: s.output,
        groupId: s.input?.groupId ?? null,
        rate: ratePerSecond(rateBase && { at: rateBase.at, count: rateBase.consumed[s.name] ?? 0 }, { at: now, count: mark.consumed[s.name] }),
        lag,
        lagSeconds: lag === null ? null : lag === 0 ? 0 : (this.lagSeconds.get(s.name) ?? null),
        lagTrend: trendOf(trendBase?.lag[s.name], lag),
        deadLettersLastHour: this.deadLetters.count({ stage: s.name, since: hourAgo }),
        ready: health[i].length > 0 && health[i].every((h) => h.ready),
        instances: health[i],
      };
    });
    return { at: new Date(now).toISOString(), stages, topics, groups };
  }

  /** The partitions of each consumer stage's input with messages waiting, where the oldest waiting message is. */
  waiting(): { stage: StageName; topic: Topic; partition: number; offset: string }[] {
    const s = this.latest;
    if (!s) return [];
    return this.stages.flatMap((d) => {
      if (!d.input) return [];
      const input = d.input;
      const t = s.topics.find((x) => x.name === input.topic);
      const g = t?.groups.find((x) => x.groupId === input.groupId);
      const parts = g?.partitions ?? (t ? partitionLags(t.offsets, [], input.topic) : []);
      return parts.filter((p) => p.lag > 0).map((p) => ({ stage: d.name, topic: input.topic, partition: p.partition, offset: p.next }));
    });
  }
}
