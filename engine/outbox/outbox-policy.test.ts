import { type OutboxPolicy, retryDelayMs } from './outbox-policy';

const policy: OutboxPolicy = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 10_000, leaseMs: 1 };

describe('retryDelayMs', () => {
  it('doubles with each attempt, between half and all of the exponential wait', () => {
    expect([1, 2, 3].map((attempts) => retryDelayMs(attempts, policy, () => 0))).toEqual([
      500, 1_000, 2_000,
    ]);
    expect([1, 2, 3].map((attempts) => retryDelayMs(attempts, policy, () => 1))).toEqual([
      1_000, 2_000, 4_000,
    ]);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs(30, policy, () => 1)).toBe(10_000);
    expect(retryDelayMs(30, policy, () => 0)).toBe(5_000);
  });
});
