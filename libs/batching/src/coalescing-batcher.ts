interface Pending<T, R> {
  rows: T[];
  weight: number;
  resolve: (results: R[]) => void;
  reject: (e: unknown) => void;
}

export interface CoalescingLimits<T> {
  /** Most rows in one write. */
  maxRows?: number;
  /** Most weight (bytes, say) in one write, by `weigh`; a caller heavier than that is written alone. */
  maxWeight?: number;
  weigh?: (row: T) => number;
}

/**
 * Gathers rows of concurrent callers into one call of `run` (one statement, one request) and
 * gives each caller the results of its own rows: `run` answers one result per row, in the
 * order of the rows it was given. While one call is in flight, new rows queue, and the next
 * call takes the callers that fit its limits (rows and weight). A lone caller is served at
 * once; under load, one call serves many. Each caller's promise settles with the call that
 * carried its rows, so one caller's rows never make another caller's call too large.
 */
export class CoalescingBatcher<T, R> {
  private queue: Pending<T, R>[] = [];
  private running = false;
  private readonly maxRows: number;
  private readonly maxWeight: number;
  private readonly weigh: ((row: T) => number) | undefined;

  constructor(
    private readonly run: (rows: T[]) => Promise<R[]>,
    limits: number | CoalescingLimits<T> = {},
  ) {
    const l = typeof limits === 'number' ? { maxRows: limits } : limits;
    this.maxRows = l.maxRows ?? 500;
    this.maxWeight = l.maxWeight ?? Infinity;
    this.weigh = l.weigh;
  }

  /** Resolves with the results of `rows`, in their order. */
  addAll(rows: T[]): Promise<R[]> {
    if (rows.length === 0) return Promise.resolve([]);
    const weigh = this.weigh;
    const weight = weigh ? rows.reduce((n, r) => n + weigh(r), 0) : 0;
    return new Promise<R[]>((resolve, reject) => {
      this.queue.push({ rows, weight, resolve, reject });
      void this.drain();
    });
  }

  /** Resolves with the result of `row`. */
  async add(row: T): Promise<R> {
    const [result] = await this.addAll([row]);
    return result;
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch: Pending<T, R>[] = [];
        let count = 0;
        let weight = 0;
        const fits = (p: Pending<T, R>) => count + p.rows.length <= this.maxRows && weight + p.weight <= this.maxWeight;
        while (this.queue.length > 0 && (batch.length === 0 || fits(this.queue[0]))) {
          const next = this.queue.shift() as Pending<T, R>;
          batch.push(next);
          count += next.rows.length;
          weight += next.weight;
        }
        try {
          const results = await this.run(batch.flatMap((p) => p.rows));
          let at = 0;
          for (const p of batch) {
            p.resolve(results.slice(at, at + p.rows.length));
            at += p.rows.length;
          }
        } catch (e) {
          batch.forEach((p) => p.reject(e));
        }
      }
    } finally {
      this.running = false;
    }
  }
}
