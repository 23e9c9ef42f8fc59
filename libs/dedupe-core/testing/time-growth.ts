import { performance } from 'node:perf_hooks';

/** Shortest time one timing of the small input should take, so that timer resolution and noise do not dominate. */
const MIN_SAMPLE_MS = 10;

/**
 * How many times longer `run` takes on `large` than on `small`, measured in this process: the
 * median of `rounds` timings of each, interleaved so that a busy moment of the machine hits both.
 * Linear work gives about the ratio of the sizes; quadratic work its square. No absolute threshold:
 * the ratio holds on a slow machine and on a fast one. Test support only.
 */
export function timeGrowth<T>(small: T, large: T, run: (input: T) => unknown, rounds = 3): number {
  // The first pass pays once for compiling and for flattening and hashing the input's strings.
  run(small);
  const once = time(() => run(small));
  const repeat = Math.max(1, Math.ceil(MIN_SAMPLE_MS / Math.max(once, 0.01)));
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  // The median drops the large input's first pass, which pays those once-only costs.
  for (let i = 0; i < rounds; i++) {
    smallTimes.push(time(() => repeatRun(small, run, repeat)));
    largeTimes.push(time(() => repeatRun(large, run, repeat)));
  }
  return median(largeTimes) / median(smallTimes);
}

function repeatRun<T>(input: T, run: (input: T) => unknown, times: number): void {
  for (let i = 0; i < times; i++) run(input);
}

function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
