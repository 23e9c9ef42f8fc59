interface Pending<T> {
  rows: T[];
  resolve: () => void;
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
 * Gathers rows written by concurrent callers and writes them together: while one write is
 * in flight, new rows queue, and the next write takes the callers that fit its limits (rows
 * and weight). A lone caller is written at once; under load, one statement serves many
 * requests. Each caller's promise settles with the write that carried its rows, so one
 * caller's rows never make another caller's write too large.
 */
export class CoalescingWriter<T> {
  private queue: (Pending<T> & { weight: number })[] = [];
  private writing = false;
  private readonly maxRows: number;
  private readonly maxWeight: number;
  private readonly weigh: ((row: T) => number) | undefined;

  constructor(
    private readonly write: (rows: T[]) => Promise<void>,
    limits: number | CoalescingLimits<T> = {},
  ) {
    const l = typeof limits === 'number' ? { maxRows: limits } : limits;
    this.maxRows = l.maxRows ?? 500;
    this.maxWeight = l.maxWeight ?? Infinity;
    this.weigh = l.weigh;
  }

  add(rows: T | T[]): Promise<void> {
    const list = Array.isArray(rows) ? rows : [rows];
    if (list.length === 0) return Promise.resolve();
    const weight = this.weigh ? list.reduce((n, r) => n + (this.weigh as (row: T) => number)(r), 0) : 0;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows: list, weight, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch: Pending<T>[] = [];
        let count = 0;
        let weight = 0;
        const fits = (p: Pending<T> & { weight: number }) => count + p.rows.length <= this.maxRows && weight + p.weight <= this.maxWeight;
        while (this.queue.length > 0 && (batch.length === 0 || fits(this.queue[0]))) {
          const next = this.queue.shift() as Pending<T> & { weight: number };
          batch.push(next);
          count += next.rows.length;
          weight += next.weight;
        }
        try {
          await this.write(batch.flatMap((p) => p.rows));
          batch.forEach((p) => p.resolve());
        } catch (e) {
          batch.forEach((p) => p.reject(e));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
