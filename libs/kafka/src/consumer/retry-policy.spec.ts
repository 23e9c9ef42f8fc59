import { retryDelay } from './retry-policy';

describe('retryDelay', () => {
  const policy = { attempts: 5, initialDelayMs: 100, maxDelayMs: 1000 };

  it('grows exponentially between half and all of the step', () => {
    expect(retryDelay(policy, 2, () => 0)).toBe(50);
    expect(retryDelay(policy, 2, () => 1)).toBe(100);
    expect(retryDelay(policy, 3, () => 1)).toBe(200);
    expect(retryDelay(policy, 4, () => 1)).toBe(400);
  });

  it('never exceeds the cap', () => {
    expect(retryDelay(policy, 20, () => 1)).toBe(1000);
  });
});
