import { AlertRule, step } from './alert-rule';

const rule: AlertRule = {
  id: 'r',
  name: 'lag',
  kind: 'lag_seconds',
  stage: 'dedupe',
  threshold: 30,
  holdSeconds: 10,
  webhookUrl: null,
  enabled: true,
  createdAt: '',
};

describe('alert rules', () => {
  it('fire only once the condition has held for the hold time, and resolve when it clears', () => {
    let s = { since: null as number | null, firing: false, value: null as number | null };
    let r = step(rule, s, 31, 0);
    expect(r.transition).toBeNull();
    s = r.state;
    r = step(rule, s, 40, 9_999);
    expect(r.transition).toBeNull();
    r = step(rule, r.state, 40, 10_000);
    expect(r.transition).toBe('fire');
    r = step(rule, r.state, 50, 12_000);
    expect(r.transition).toBeNull();
    r = step(rule, r.state, 5, 13_000);
    expect(r.transition).toBe('resolve');
    expect(r.state).toEqual({ since: null, firing: false, value: 5 });
  });

  it('start the hold again when the condition clears before it fires', () => {
    const r1 = step(rule, { since: null, firing: false, value: null }, 31, 0);
    const r2 = step(rule, r1.state, 1, 5_000);
    const r3 = step(rule, r2.state, 31, 6_000);
    expect(step(rule, r3.state, 31, 15_000).transition).toBeNull();
    expect(step(rule, r3.state, 31, 16_000).transition).toBe('fire');
  });

  it('treat not ready as a breach whatever the threshold', () => {
    const notReady = { ...rule, kind: 'stage_not_ready' as const, holdSeconds: 0 };
    expect(step(notReady, { since: null, firing: false, value: null }, 1, 0).transition).toBe('fire');
    expect(step(notReady, { since: null, firing: false, value: null }, 0, 0).transition).toBeNull();
  });
});
