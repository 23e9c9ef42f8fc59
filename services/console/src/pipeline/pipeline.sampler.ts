import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Subject } from 'rxjs';
import { OffsetReader } from '@copydesk/kafka';
import { ShutdownPhase, ShutdownSequence } from '@copydesk/observability';
import { AuditRepository } from '../audit/audit.repository';
import { ConsoleConfig } from '../config/console.config';
import { PipelineMonitor, PipelineSnapshot } from './pipeline.monitor';
import { Sample, SamplesRepository } from './samples.repository';
import { STAGE_NAMES, StageName } from './stages';

const RETENTION_EVERY_MS = 60_000;

/**
 * Every CONSOLE_SAMPLE_MS: reads the oldest unconsumed message of each stage (its age is the
 * lag in seconds), then stores a sample of each stage in PostgreSQL, which the sparklines
 * draw and which outlives a restart. Keeps CONSOLE_RETENTION_DAYS.
 */
@Injectable()
export class PipelineSampler implements OnApplicationBootstrap {
  private readonly logger = new Logger(PipelineSampler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastRetention = 0;
  readonly samples = new Subject<{ samples: Sample[]; snapshot: PipelineSnapshot }>();

  constructor(
    private readonly monitor: PipelineMonitor,
    private readonly reader: OffsetReader,
    private readonly repository: SamplesRepository,
    private readonly audit: AuditRepository,
    private readonly config: ConsoleConfig,
    private readonly shutdown: ShutdownSequence,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.sample().finally(() => (this.running = undefined));
    }, this.config.CONSOLE_SAMPLE_MS);
    this.shutdown.register(ShutdownPhase.Connections, 'pipeline sampler', async () => {
      clearInterval(this.timer);
      await this.running;
      this.samples.complete();
    });
  }

  /** Reads how old the oldest waiting message of each consumer stage is (0 when nothing waits). */
  async measureLagSeconds(): Promise<void> {
    const waiting = this.monitor.waiting();
    const oldest = new Map<StageName, number>();
    if (waiting.length > 0) {
      const read = await this.reader.read(waiting.map((w) => ({ topic: w.topic, partition: w.partition, offset: w.offset, limit: 1 })));
      const now = Date.now();
      for (const w of waiting) {
        const m = read.get(`${w.topic}/${w.partition}`)?.[0];
        if (!m) continue;
        const age = Math.max(0, (now - Number(m.timestamp)) / 1000);
        oldest.set(w.stage, Math.max(oldest.get(w.stage) ?? 0, age));
      }
    }
    for (const d of this.monitor.definitions()) {
      if (!d.input) continue;
      const stageWaits = waiting.some((w) => w.stage === d.name);
      this.monitor.setLagSeconds(d.name, stageWaits ? (oldest.get(d.name) ?? null) : 0);
    }
  }

  private async sample(): Promise<void> {
    try {
      await this.measureLagSeconds();
      const snapshot = await this.monitor.current();
      const at = new Date().toISOString();
      const samples: Sample[] = STAGE_NAMES.map((name) => {
        const s = snapshot.stages.find((x) => x.name === name);
        const lagSeconds = s?.lag === 0 ? 0 : name === 'ingest' ? null : (s?.lagSeconds ?? null);
        return { stage: name, at, lag: s?.lag ?? null, lagSeconds, rate: s?.rate ?? 0, deadLetters: s?.deadLettersLastHour ?? 0, ready: s?.ready ?? false };
      });
      await this.repository.insert(samples);
      this.samples.next({ samples, snapshot });
      if (Date.now() - this.lastRetention > RETENTION_EVERY_MS) {
        this.lastRetention = Date.now();
        await this.repository.deleteOlderThan(this.config.CONSOLE_RETENTION_DAYS);
        await this.audit.deleteOlderThan(Math.max(this.config.CONSOLE_RETENTION_DAYS, 90));
      }
    } catch (e) {
      this.logger.warn({ msg: 'could not sample the pipeline', err: e });
    }
  }
}
