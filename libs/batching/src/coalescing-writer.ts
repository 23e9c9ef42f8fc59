interface Pending<T> {
  rows: T[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Gathers rows written by concurrent callers and writes them together: while one write is
 * in flight, new rows queue, and the next write takes them all (up to `maxRows`). A lone
 * caller is written at once; under load, one statement serves many requests. Each caller's
 * promise settles with the write that carried its rows.
 */
export class CoalescingWriter<T> {
  private queue: Pending<T>[] = [];
  private writing = false;

  constructor(
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly maxRows = 500,
  ) {}

  add(rows: T | T[]): Promise<void> {
    const list = Array.isArray(rows) ? rows : [rows];
    if (list.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows: list, resolve, reject });
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
        while (this.queue.length > 0 && (batch.length === 0 || count + this.queue[0].rows.length <= this.maxRows)) {
          const next = this.queue.shift() as Pending<T>;
          batch.push(next);
          count += next.rows.length;
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
