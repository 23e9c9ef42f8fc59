import { CoalescingWriter } from './coalescing-writer';

describe('CoalescingWriter', () => {
  it('writes a lone row at once and gathers the rows that arrive while a write is in flight', async () => {
    const writes: number[][] = [];
    let release: () => void = () => undefined;
    const writer = new CoalescingWriter<number>(async (rows) => {
      writes.push(rows);
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
    });
    const first = writer.add(1);
    const rest = [writer.add(2), writer.add([3, 4]), writer.add(5)];
    release();
    await Promise.all([first, ...rest]);
    expect(writes).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('fails the callers whose rows were in a failed write, and only them', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const writer = new CoalescingWriter<string>(async (rows) => {
      calls++;
      if (calls === 1) await new Promise<void>((r) => (release = r));
      if (rows.includes('bad')) throw new Error('constraint');
    });
    const ok = writer.add('good');
    const failing = writer.add('bad');
    release();
    await expect(ok).resolves.toBeUndefined();
    await expect(failing).rejects.toThrow('constraint');
  });

  it('caps the rows of one write', async () => {
    const sizes: number[] = [];
    let release: () => void = () => undefined;
    const writer = new CoalescingWriter<number>(async (rows) => {
      sizes.push(rows.length);
      if (sizes.length === 1) await new Promise<void>((r) => (release = r));
    }, 3);
    const all = [writer.add(0), writer.add([1, 2]), writer.add([3, 4]), writer.add(5)];
    release();
    await Promise.all(all);
    expect(sizes).toEqual([1, 2, 3]);
  });

  it("never lets one caller's weight make another caller's write too heavy: a heavy caller goes alone", async () => {
    const writes: string[][] = [];
    let release: () => void = () => undefined;
    const writer = new CoalescingWriter<string>(
      async (rows) => {
        writes.push(rows);
        if (writes.length === 1) await new Promise<void>((r) => (release = r));
      },
      { maxWeight: 10, weigh: (row) => row.length },
    );
    const first = writer.add('a');
    const rest = [writer.add('bbbbbbbbbbbb'), writer.add('cccc'), writer.add('dddd'), writer.add('eeee')];
    release();
    await Promise.all([first, ...rest]);
    expect(writes).toEqual([['a'], ['bbbbbbbbbbbb'], ['cccc', 'dddd'], ['eeee']]);
  });
});
