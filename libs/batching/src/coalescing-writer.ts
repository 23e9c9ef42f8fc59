import { CoalescingBatcher, CoalescingLimits } from './coalescing-batcher';

/**
 * Gathers rows written by concurrent callers and writes them together (a `CoalescingBatcher`
 * whose write answers nothing): a lone row is written at once; under load, one statement
 * serves many requests, and each caller's promise settles with the write that carried its rows.
 */
export class CoalescingWriter<T> {
  private readonly batcher: CoalescingBatcher<T, undefined>;

  constructor(write: (rows: T[]) => Promise<void>, limits: number | CoalescingLimits<T> = {}) {
    this.batcher = new CoalescingBatcher<T, undefined>(async (rows) => {
      await write(rows);
      return [];
    }, limits);
  }

  async add(rows: T | T[]): Promise<void> {
    await this.batcher.addAll(Array.isArray(rows) ? rows : [rows]);
  }
}
