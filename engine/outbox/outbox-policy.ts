/** How the outbox retries: attempts, back-off and how long a claim may stay unfinished. */
export interface OutboxPolicy {
  /** Attempts before a retryable failure is given up and the row marked `failed`. */
  maxAttempts: number;
  /** The first retry waits about this long; each next one twice as long. */
  baseDelayMs: number;
  /** No retry waits longer than this. */
  maxDelayMs: number;
  /** A claim older than this belongs to a process that died; the row goes back to pending. */
  leaseMs: number;
}

/** 8 attempts over about 4 minutes; a worker that holds a row 5 minutes is taken for dead. */
export const defaultOutboxPolicy: OutboxPolicy = {
  maxAttempts: 8,
  baseDelayMs: 2_000,
  maxDelayMs: 120_000,
  leaseMs: 300_000,
};

/**
 * The wait before the next attempt after `attempts` tries: exponential, capped, with "equal
 * jitter" (half fixed, half random) so rows that failed together do not all come back together.
 */
export function retryDelayMs(
  attempts: number,
  policy: OutboxPolicy,
  random: () => number = Math.random,
): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped / 2 + (random() * capped) / 2);
}
