/** Shortest time one timing of the small input should take, so that timer resolution and noise do not dominate. */
const MIN_SAMPLE_MS = 10;
/** Rounds of timings at first, and at most. */
const FIRST_ROUNDS = 3;
const MAX_ROUNDS = 9;
/** A ratio above this after the first rounds is measured further before it is believed. */
const RECHECK_ABOVE = 14;

/**
 * How many times longer `run` takes on `large` than on `small`, measured in this process: the
 * ratio of the medians of timings of each, in CPU time of this process (other processes on a
 * shared machine do not count in it), interleaved so that a busy moment of the machine hits
 * both. Linear work gives about the ratio of the sizes; quadratic work its square. A ratio that
 * looks high after three rounds gets up to nine, so that a few timings slowed by other processes
 * on a shared machine do not decide; real superlinear work stays high however long it is timed.
 * No absolute threshold: the ratio holds on a slow machine and on a fast one. Test support only.
 */
export function timeGrowth<T>(small: T, large: T, run: (input: T) => unknown): number {
  // The first pass pays once for compiling and for flattening and hashing the input's strings.
  run(small);
  const once = time(() => run(small));
  const repeat = Math.max(1, Math.ceil(MIN_SAMPLE_MS / Math.max(once, 0.01)));
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  // The medians drop the large input's first pass, which pays those once-only costs.
  while (smallTimes.length < FIRST_ROUNDS || (smallTimes.length < MAX_ROUNDS && median(largeTimes) / median(smallTimes) > RECHECK_ABOVE)) {
    smallTimes.push(time(() => repeatRun(small, run, repeat)));
    largeTimes.push(time(() => repeatRun(large, run, repeat)));
  }
  return median(largeTimes) / median(smallTimes);
}

function repeatRun<T>(input: T, run: (input: T) => unknown, times: number): void {
  for (let i = 0; i < times; i++) run(input);
}

/** CPU milliseconds (user and system) this process spent on `work`. */
function time(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
