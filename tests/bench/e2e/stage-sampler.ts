import { KafkaAdmin } from '@copydesk/kafka';

/** A stage as the broker sees it: the group that consumes its input and the topic it writes. */
export interface StageTopics {
  stage: string;
  /** The consumer group and the topic it reads; none for the stage fed over HTTP. */
  group?: { id: string; topic: string };
  output: string;
}

export interface StageFigures {
  stage: string;
  output: string;
  /** Messages written to the output topic over the span, per second. */
  messagesPerS: number;
  /** The fastest second-by-second rate seen. */
  peakPerS: number;
  /** Messages the group had yet to commit on its input topic: the most and the mean over the samples. */
  maxLag: number | null;
  meanLag: number | null;
}

interface Sample {
  at: number;
  written: Record<string, number>;
  lag: Record<string, number>;
}

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

/**
 * Reads, once a second, each output topic's high watermarks and each group's committed offsets
 * (KafkaAdmin), so a span of the run can be told as throughput per stage and consumer lag.
 */
export class StageSampler {
  private readonly samples: Sample[] = [];
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly admin: KafkaAdmin,
    private readonly stages: readonly StageTopics[],
  ) {}

  start(): this {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const t0 = Date.now();
        await this.sample().catch(() => undefined);
        await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - t0))));
      }
    })();
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** A sample now: the bounds of a span are exact, not up to a second off. */
  async mark(): Promise<number> {
    await this.sample();
    return this.samples[this.samples.length - 1].at;
  }

  figures(from: number, to: number): StageFigures[] {
    const span = this.samples.filter((s) => s.at >= from && s.at <= to);
    return this.stages.map(({ stage, group, output }) => {
      const first = span[0];
      const last = span[span.length - 1];
      const seconds = (last.at - first.at) / 1000;
      let peak = 0;
      for (let i = 1; i < span.length; i++) {
        const dt = (span[i].at - span[i - 1].at) / 1000;
        if (dt > 0) peak = Math.max(peak, (span[i].written[output] - span[i - 1].written[output]) / dt);
      }
      const lags = group ? span.map((s) => s.lag[group.id]).filter((l) => l !== undefined) : [];
      return {
        stage,
        output,
        messagesPerS: seconds > 0 ? (last.written[output] - first.written[output]) / seconds : 0,
        peakPerS: peak,
        maxLag: lags.length ? Math.max(...lags) : null,
        meanLag: lags.length ? sum(lags) / lags.length : null,
      };
    });
  }

  private async sample(): Promise<void> {
    // Committed offsets first, then the ends: the ends only grow, so a lag is never below zero.
    const committed = new Map<string, Map<number, number>>();
    for (const { group } of this.stages) {
      if (group) committed.set(group.id, new Map((await this.admin.groupOffsets(group.id, [group.topic])).map((c) => [c.partition, Number(c.offset)])));
    }
    const ends = new Map<string, { partition: number; low: number; high: number }[]>();
    for (const topic of new Set(this.stages.flatMap((s) => [s.output, ...(s.group ? [s.group.topic] : [])]))) {
      ends.set(
        topic,
        (await this.admin.topicOffsets(topic)).map((p) => ({ partition: p.partition, low: Number(p.low), high: Number(p.high) })),
      );
    }
    const written: Record<string, number> = {};
    const lag: Record<string, number> = {};
    for (const { output, group } of this.stages) {
      written[output] = sum((ends.get(output) ?? []).map((p) => p.high));
      if (!group) continue;
      const done = committed.get(group.id) ?? new Map<number, number>();
      lag[group.id] = sum((ends.get(group.topic) ?? []).map((p) => p.high - Math.max(p.low, done.get(p.partition) ?? -1)));
    }
    this.samples.push({ at: Date.now(), written, lag });
  }
}
