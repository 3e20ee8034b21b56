/** A small timing loop: rounds of N calls, reported as the median of the rounds. */

export interface Contender {
  name: string;
  run(): unknown;
}

export interface RateResult {
  name: string;
  /** Median of the rounds' calls per second. */
  opsPerSecond: number;
  /** Slowest and fastest round, to show the noise. */
  range: [number, number];
  /** Median over the rounds of this rate divided by the baseline's rate in the same round. */
  ratioToBaseline: number;
}

/** Sink for results, so the engine cannot drop the calls as dead code. */
let sink: unknown;

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * CPU time of this process in milliseconds (user + system). On a shared machine the wall clock
 * also counts the time other processes hold the core; CPU time does not.
 */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export type Clock = () => number;

/**
 * Calls per second of each contender. The contenders take turns round by round, in a new order
 * each round, so a slow moment of the machine hits all of them alike; each round lasts about
 * `roundMs`. The ratio to the baseline (the contender at `baseline`) is taken per round, from
 * measurements milliseconds apart, which cancels most of a busy machine's drift.
 */
export function measureRates(
  contenders: readonly Contender[],
  { baseline = 0, rounds = 31, roundMs = 40, clock = cpuMs as Clock } = {},
): RateResult[] {
  const sizes = contenders.map((contender) => calibrate(contender, roundMs, clock));
  const samples = contenders.map(() => [] as number[]);
  const ratios = contenders.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    const rates = new Map<number, number>();
    for (const i of shuffledIndexes(contenders.length, round)) {
      const size = sizes[i] ?? 1;
      rates.set(i, size / (timeCalls(contenders[i] as Contender, size, clock) / 1000));
    }
    for (const [i, rate] of rates) {
      samples[i]?.push(rate);
      ratios[i]?.push(rate / (rates.get(baseline) ?? Number.NaN));
    }
  }
  return contenders.map((contender, i) => {
    const sorted = [...(samples[i] ?? [])].sort((a, b) => a - b);
    return {
      name: contender.name,
      opsPerSecond: percentile(sorted, 0.5),
      range: [sorted[0] ?? 0, sorted[sorted.length - 1] ?? 0],
      ratioToBaseline: percentile(
        [...(ratios[i] ?? [])].sort((a, b) => a - b),
        0.5,
      ),
    };
  });
}

/** 0..count-1 in an order that changes with the round (a rotation, reversed every other round). */
function shuffledIndexes(count: number, round: number): number[] {
  const rotated = Array.from({ length: count }, (_, i) => (i + round) % count);
  return round % 2 === 0 ? rotated : rotated.reverse();
}

function calibrate(contender: Contender, roundMs: number, clock: Clock): number {
  let size = 1;
  for (;;) {
    const elapsed = timeCalls(contender, size, clock);
    if (elapsed > roundMs / 4 || size > 1e8)
      return Math.max(1, Math.round((size * roundMs) / elapsed));
    size *= 4;
  }
}

function timeCalls(contender: Contender, size: number, clock: Clock): number {
  const start = clock();
  for (let i = 0; i < size; i++) sink = contender.run();
  return clock() - start;
}

/** The value at fraction `q` of an ascending list. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function mean(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0) / values.length;
}

export function keepAlive(): unknown {
  return sink;
}
