import { CoalescingBatcher } from './coalescing-batcher';

describe('CoalescingBatcher', () => {
  it('answers each caller the results of its own rows from the one call that carried them', async () => {
    const calls: number[][] = [];
    let release: () => void = () => undefined;
    const batcher = new CoalescingBatcher<number, string>(async (rows) => {
      calls.push(rows);
      if (calls.length === 1) await new Promise<void>((r) => (release = r));
      return rows.map((n) => `#${n}`);
    });
    const first = batcher.add(1);
    const rest = [batcher.add(2), batcher.addAll([3, 4]), batcher.add(5)];
    release();
    expect(await Promise.all([first, ...rest])).toEqual(['#1', '#2', ['#3', '#4'], '#5']);
    expect(calls).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('keeps a call within its row limit and fails only the callers of a failed call', async () => {
    const calls: string[][] = [];
    let release: () => void = () => undefined;
    const batcher = new CoalescingBatcher<string, boolean>(
      async (rows) => {
        calls.push(rows);
        if (calls.length === 1) await new Promise<void>((r) => (release = r));
        if (rows.includes('bad')) throw new Error('constraint');
        return rows.map(() => true);
      },
      { maxRows: 2 },
    );
    const lone = batcher.add('a');
    const queued = [batcher.add('b'), batcher.add('c'), batcher.add('bad')];
    release();
    await expect(lone).resolves.toBe(true);
    await expect(queued[0]).resolves.toBe(true);
    await expect(queued[1]).resolves.toBe(true);
    await expect(queued[2]).rejects.toThrow('constraint');
    expect(calls).toEqual([['a'], ['b', 'c'], ['bad']]);
  });
});
