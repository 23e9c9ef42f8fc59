export const ALERT_KINDS = ['lag_seconds', 'dead_letters_per_minute', 'stage_not_ready'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertRule {
  id: string;
  name: string;
  kind: AlertKind;
  stage: string;
  threshold: number;
  holdSeconds: number;
  webhookUrl: string | null;
  enabled: boolean;
  createdAt: string;
}

export interface RuleState {
  /** Since when the condition has held (ms), or null. */
  since: number | null;
  firing: boolean;
  value: number | null;
}

export type Transition = 'fire' | 'resolve' | null;

/** Whether the rule's condition holds for a measured value. */
export function breached(rule: AlertRule, value: number | null): boolean {
  if (value === null) return false;
  return rule.kind === 'stage_not_ready' ? value >= 1 : value >= rule.threshold;
}

/** The next state of a rule and whether it fires or resolves: a condition must hold for holdSeconds before it fires. */
export function step(rule: AlertRule, state: RuleState, value: number | null, now: number): { state: RuleState; transition: Transition } {
  if (breached(rule, value)) {
    const since = state.since ?? now;
    if (!state.firing && now - since >= rule.holdSeconds * 1000) return { state: { since, firing: true, value }, transition: 'fire' };
    return { state: { since, firing: state.firing, value }, transition: null };
  }
  return { state: { since: null, firing: false, value }, transition: state.firing ? 'resolve' : null };
}
