/** Shortest time one timing should take, so that timer resolution does not dominate it. */
const MIN_SAMPLE_MS = 10;
/** Rounds of timings at first, and at most. */
const FIRST_ROUNDS = 3;
const MAX_ROUNDS = 9;
/** An exponent above this after the first rounds is measured further before it is believed. */
const RECHECK_ABOVE = 1.3;

/**
 * The most a linear-time function's growth exponent may be: halfway, on a log scale, between
 * linear work (1) and quadratic work (2). A constant factor between the two sizes — the large
 * input no longer fitting the processor's caches, or a collection it triggers — moves the exponent
 * by log(factor) / log(size ratio): a 3× factor gives 1.37 on ten times the input and 1.37 is still
 * linear; on twenty times the input it gives 1.27.
 */
export const LINEAR_EXPONENT = 1.5;

/**
 * How the time `run` takes grows from `small` to `large`, an input `sizeRatio` times its size,
 * as an exponent: time ∝ size^exponent, so about 1 for linear work and 2 for quadratic work.
 * Measured in this process, in its CPU time (other processes on a shared machine do not count;
 * the thread's own CPU time would leave out the collector's helpers, but Linux counts it in 4 ms
 * ticks, too coarse for 10 ms timings), as the ratio of the medians of per-run
 * timings, the two inputs interleaved so that a busy moment hits both. An exponent that looks
 * high after three rounds gets up to nine; real superlinear work stays high however long it is
 * timed. No absolute threshold: the figure holds on a slow machine and on a fast one.
 */
export function growthExponent<T>(small: T, large: T, sizeRatio: number, run: (input: T) => unknown): number {
  // The first passes pay once for compiling and for flattening and hashing the inputs' strings.
  const smallRepeat = repeatsFor(small, run);
  const largeRepeat = repeatsFor(large, run);
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  const exponent = () => Math.log(median(largeTimes) / median(smallTimes)) / Math.log(sizeRatio);
  while (smallTimes.length < FIRST_ROUNDS || (smallTimes.length < MAX_ROUNDS && exponent() > RECHECK_ABOVE)) {
    smallTimes.push(time(() => repeatRun(small, run, smallRepeat)) / smallRepeat);
    largeTimes.push(time(() => repeatRun(large, run, largeRepeat)) / largeRepeat);
  }
  return exponent();
}

/** How many runs one timing of `input` needs to last MIN_SAMPLE_MS; the first run is not timed. */
function repeatsFor<T>(input: T, run: (input: T) => unknown): number {
  run(input);
  const once = time(() => run(input));
  return Math.max(1, Math.ceil(MIN_SAMPLE_MS / Math.max(once, 0.01)));
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
