import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Subject } from 'rxjs';
import { ShutdownPhase, ShutdownSequence } from '@copydesk/observability';
import { DeadLetterStore } from '../dead-letters/dead-letter.store';
import { ConsoleError, ConsoleErrorCode } from '../errors/console-error';
import { PipelineMonitor, PipelineSnapshot } from '../pipeline/pipeline.monitor';
import { AlertRule, RuleState, step } from './alert-rule';
import { AlertsRepository } from './alerts.repository';

export interface AlertNotice {
  rule: { id: string; name: string; kind: string; stage: string; threshold: number; holdSeconds: number };
  state: 'firing' | 'resolved' | 'test';
  value: number | null;
  at: string;
}

/** Sends a notice to a webhook as a JSON POST; answers what happened, for the record. */
export async function deliver(url: string | null, notice: AlertNotice): Promise<string> {
  if (!url) return 'no webhook';
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(notice),
      signal: AbortSignal.timeout(5000),
    });
    return res.ok ? `delivered (${res.status})` : `refused (${res.status})`;
  } catch (e) {
    return `failed: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/**
 * Evaluates the alert rules on every pipeline snapshot: lag in seconds, dead letters per
 * minute, a stage not ready, each held for its time before it fires; records each firing and
 * resolution, and sends it to the rule's webhook.
 */
@Injectable()
export class AlertsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AlertsService.name);
  private readonly states = new Map<string, RuleState>();
  private rules: AlertRule[] = [];
  private evaluating: Promise<void> | undefined;
  readonly changes = new Subject<AlertNotice>();

  constructor(
    private readonly repository: AlertsRepository,
    private readonly monitor: PipelineMonitor,
    private readonly deadLetters: DeadLetterStore,
    private readonly shutdown: ShutdownSequence,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rules = await this.repository.rules();
    const sub = this.monitor.snapshots.subscribe((s) => {
      if (!this.evaluating) this.evaluating = this.evaluate(s).finally(() => (this.evaluating = undefined));
    });
    this.shutdown.register(ShutdownPhase.Connections, 'alerts', async () => {
      sub.unsubscribe();
      await this.evaluating;
    });
  }

  value(rule: AlertRule, s: PipelineSnapshot): number | null {
    const stage = s.stages.find((x) => x.name === rule.stage);
    if (!stage) return null;
    switch (rule.kind) {
      case 'lag_seconds':
        return stage.lagSeconds;
      case 'dead_letters_per_minute':
        return this.deadLetters.count({ stage: rule.stage, since: Date.now() - 60_000 });
      case 'stage_not_ready':
        return stage.ready ? 0 : 1;
    }
  }

  private async evaluate(s: PipelineSnapshot): Promise<void> {
    const now = Date.now();
    for (const rule of this.rules.filter((r) => r.enabled)) {
      const before = this.states.get(rule.id) ?? { since: null, firing: false, value: null };
      const { state, transition } = step(rule, before, this.value(rule, s), now);
      this.states.set(rule.id, state);
      if (!transition) continue;
      const notice = this.notice(rule, transition === 'fire' ? 'firing' : 'resolved', state.value);
      const delivery = await deliver(rule.webhookUrl, notice);
      await this.repository
        .event(rule.id, notice.state as 'firing' | 'resolved', state.value, delivery)
        .catch((e: unknown) => this.logger.warn({ msg: 'could not record an alert', err: e }));
      this.logger.warn({ msg: transition === 'fire' ? 'alert firing' : 'alert resolved', rule: rule.name, value: state.value, delivery });
      this.changes.next(notice);
    }
  }

  private notice(rule: AlertRule, state: AlertNotice['state'], value: number | null): AlertNotice {
    return {
      rule: { id: rule.id, name: rule.name, kind: rule.kind, stage: rule.stage, threshold: rule.threshold, holdSeconds: rule.holdSeconds },
      state,
      value,
      at: new Date().toISOString(),
    };
  }

  async list() {
    return {
      rules: this.rules.map((r) => ({ ...r, state: this.states.get(r.id) ?? { since: null, firing: false, value: null } })),
      events: await this.repository.events(100),
    };
  }

  async add(r: Omit<AlertRule, 'id' | 'createdAt' | 'enabled'>): Promise<AlertRule> {
    const rule = await this.repository.add(r);
    this.rules = await this.repository.rules();
    return rule;
  }

  async remove(id: string): Promise<{ removed: string }> {
    if (!(await this.repository.remove(id))) throw new ConsoleError(ConsoleErrorCode.RuleNotFound, `no alert rule ${id}`);
    this.rules = await this.repository.rules();
    this.states.delete(id);
    return { removed: id };
  }

  /** Sends a test notice to the rule's webhook. */
  async test(id: string): Promise<{ delivery: string }> {
    const rule = this.rules.find((r) => r.id === id);
    if (!rule) throw new ConsoleError(ConsoleErrorCode.RuleNotFound, `no alert rule ${id}`);
    return { delivery: await deliver(rule.webhookUrl, this.notice(rule, 'test', null)) };
  }
}
